import { rooms, type TQueueView } from '../contracts/realtime';
import type { TRoutingNotifier } from '../modules/routing/routing.notifier';
import type { TQueueViews } from '../modules/routing/queue-view.repository';
import type { TRoomDelivery } from './room-delivery';

/**
 * Routing events to rooms: a counsellor's own offers and calls to her room, presence to her and
 * the supervisors of her hotlines, and each hotline's detailed queue to its own supervisors (and
 * the administrators), recomputed at most every
 * `queueThrottleMs` per hotline. Desks do not get the queue from here: each node pushes their
 * waiting counts at most once a second (desk-counts.pusher), as a hotline room holds every
 * counsellor and a queue view to each of them on every change was most of the API's socket
 * writes during a surge.
 */
export function socketNotifier(
  /** Batched delivery to every node (room-delivery). */
  delivery: TRoomDelivery,
  queues: () => TQueueViews,
  options: {
    queueThrottleMs?: number;
    onError?: (err: unknown) => void;
  } = {},
): TRoutingNotifier & { close(): void } {
  const pendingQueues = new Map<string, NodeJS.Timeout>();
  const throttle = options.queueThrottleMs ?? 250;
  let closed = false;
  /** Who watches these hotlines live: their own supervisors and the administrators. */
  const watching = (hotlines: readonly string[]) => [
    ...hotlines.map((h) => rooms.supervisorsOf(h)),
    rooms.supervisorsOfEveryHotline,
  ];
  // Once the node is closing its Redis adapter is gone; the clients resync from a snapshot.
  const to = (room: string | string[]) => (closed ? null : delivery.to(room));
  /** One fresh view per hotline and period, however many changes came in between. */
  const later = (hotline: string, push: (view: TQueueView) => void) => {
    if (pendingQueues.has(hotline)) return;
    const timer = setTimeout(() => {
      pendingQueues.delete(hotline);
      queues()
        .view(hotline, Date.now())
        .then(push)
        .catch((err: unknown) => options.onError?.(err));
    }, throttle);
    timer.unref();
    pendingQueues.set(hotline, timer);
  };

  return {
    offered(userId, offer) {
      to(rooms.user(userId))?.emit('call:offered', offer);
    },
    withdrawn(userId, offerId, reason) {
      to(rooms.user(userId))?.emit('call:withdrawn', { offerId, reason });
    },
    presence(view) {
      to([rooms.user(view.userId), ...watching(view.hotlines)])?.emit('presence:updated', view);
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
      // Every change (a priority boost reorders without changing counts).
      later(hotline, (view) => to(watching([hotline]))?.emit('queue:updated', view));
    },
    close() {
      closed = true;
      for (const t of pendingQueues.values()) clearTimeout(t);
      pendingQueues.clear();
    },
  };
}
