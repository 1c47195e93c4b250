import { rooms, type TQueueView } from '../contracts/realtime';
import type { TRoutingNotifier } from '../modules/routing/routing.notifier';
import type { TQueueViews } from '../modules/routing/queue-view.repository';
import { queueSignature } from './queue-push.policy';
import type { TRoomDelivery } from './room-delivery';

/**
 * Routing events to rooms. Queue views are recomputed at most every `queueThrottleMs` per
 * hotline for supervisors, and every `deskQueueThrottleMs` for the hotline's counsellors, who
 * only get a view that changes what their desk shows: a hotline room holds every counsellor,
 * and during a surge those broadcasts were most of the API's CPU (socket writes).
 */
export function socketNotifier(
  /** Batched delivery to every node (room-delivery). */
  delivery: TRoomDelivery,
  queues: () => TQueueViews,
  options: {
    queueThrottleMs?: number;
    deskQueueThrottleMs?: number;
    onError?: (err: unknown) => void;
  } = {},
): TRoutingNotifier & { close(): void } {
  const pendingQueues = new Map<string, NodeJS.Timeout>();
  const pendingDesks = new Map<string, NodeJS.Timeout>();
  const lastDeskView = new Map<string, string>();
  const throttle = options.queueThrottleMs ?? 250;
  const deskThrottle = options.deskQueueThrottleMs ?? 1000;
  let closed = false;
  // Once the node is closing its Redis adapter is gone; the clients resync from a snapshot.
  const to = (room: string | string[]) => (closed ? null : delivery.to(room));
  /** One fresh view per hotline and period, however many changes came in between. */
  const later = (
    pending: Map<string, NodeJS.Timeout>,
    hotline: string,
    ms: number,
    push: (view: TQueueView, now: number) => void,
  ) => {
    if (pending.has(hotline)) return;
    const timer = setTimeout(() => {
      pending.delete(hotline);
      const now = Date.now();
      queues()
        .view(hotline, now)
        .then((view) => push(view, now))
        .catch((err: unknown) => options.onError?.(err));
    }, ms);
    timer.unref();
    pending.set(hotline, timer);
  };

  return {
    offered(userId, offer) {
      to(rooms.user(userId))?.emit('call:offered', offer);
    },
    withdrawn(userId, offerId, reason) {
      to(rooms.user(userId))?.emit('call:withdrawn', { offerId, reason });
    },
    presence(view) {
      to([rooms.user(view.userId), rooms.supervisors])?.emit('presence:updated', view);
    },
    connected(userId, callSid, conferenceName) {
      to(rooms.user(userId))?.emit('call:connected', { callSid, conferenceName });
    },
    ended(userId, callSid) {
      to(rooms.user(userId))?.emit('call:ended', { callSid });
    },
    callback(hotline, payload) {
      to([rooms.hotline(hotline), rooms.supervisorsOf(hotline)])?.emit('callback:updated', payload);
    },
    queueChanged(hotline) {
      if (closed) return;
      // Supervisors: every change (a priority boost reorders without changing counts).
      later(pendingQueues, hotline, throttle, (view) =>
        to(rooms.supervisors)?.emit('queue:updated', view),
      );
      later(pendingDesks, hotline, deskThrottle, (view, now) => {
        const signature = queueSignature(view, now);
        if (lastDeskView.get(hotline) === signature) return;
        lastDeskView.set(hotline, signature);
        to(rooms.hotline(hotline))?.emit('queue:updated', view);
      });
    },
    close() {
      closed = true;
      for (const t of [...pendingQueues.values(), ...pendingDesks.values()]) clearTimeout(t);
      pendingQueues.clear();
      pendingDesks.clear();
    },
  };
}
