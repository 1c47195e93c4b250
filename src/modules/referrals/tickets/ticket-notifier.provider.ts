import type { TRealtimeEmitter } from '../../../infra/realtime-emitter';
import { rooms, type TServerToClientEvents } from '../../../contracts/realtime';
import { organisationRoom, type TTicketUpdated } from '../../../contracts/referrals-realtime';

export type TNotifyTicket = {
  id: string;
  referralId: string;
  organisationKey: string;
  state: TTicketUpdated['state'];
  escalationLevel: number;
};

/**
 * Live pushes through the Socket.IO Redis emitter (at most once: browsers resync on reconnect).
 * The counsellor who asked, the supervisors and the partner organisation hear about a ticket.
 */
export function ticketNotifier(emitter: TRealtimeEmitter) {
  const payload = (t: TNotifyTicket, change: string): TTicketUpdated => ({
    ticketId: t.id,
    referralId: t.referralId,
    state: t.state,
    change,
    escalationLevel: t.escalationLevel,
  });
  return {
    toPartner(ticket: TNotifyTicket, change: string): void {
      emitter
        .to(organisationRoom(ticket.organisationKey))
        .emit('ticket:updated', payload(ticket, change));
    },
    toUsers(ticket: TNotifyTicket, change: string, userIds: ReadonlyArray<string>): void {
      if (!userIds.length) return;
      emitter
        .to(userIds.map((id) => rooms.user(id)))
        .emit('ticket:updated', payload(ticket, change));
    },
    toHotline(ticket: TNotifyTicket, change: string, requestedBy: string): void {
      emitter
        .to([rooms.user(requestedBy), rooms.supervisors])
        .emit('ticket:updated', payload(ticket, change));
    },
    toSupervisorRoom(ticket: TNotifyTicket, change: string): void {
      emitter.to(rooms.supervisors).emit('ticket:updated', payload(ticket, change));
    },
    toSupervisors<E extends 'delivery:failed' | 'referral:consent-overridden'>(
      event: E,
      ...body: Parameters<TServerToClientEvents[E]>
    ): void {
      emitter.to(rooms.supervisors).emit(event, ...body);
    },
  };
}

export type TTicketNotifier = ReturnType<typeof ticketNotifier>;
