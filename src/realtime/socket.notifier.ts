import { rooms } from '../contracts/realtime';
import type { TRoutingNotifier } from '../modules/routing/routing.notifier';
import type { TQueueViews } from '../modules/routing/queue-view.repository';
import type { TIo } from './realtime.server';

/**
 * Routing events to rooms. Queue views are recomputed at most every `queueThrottleMs` per
 * hotline so a surge of callers does not turn into a storm of pushes.
 */
export function socketNotifier(
  io: TIo,
  queues: () => TQueueViews,
  options: { queueThrottleMs?: number; onError?: (err: unknown) => void } = {},
): TRoutingNotifier & { close(): void } {
  const pendingQueues = new Map<string, NodeJS.Timeout>();
  const throttle = options.queueThrottleMs ?? 250;
  let closed = false;
  // Once the node is closing its Redis adapter is gone; the clients resync from a snapshot.
  const to = (room: string | string[]) => (closed ? null : io.to(room));

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
      if (closed || pendingQueues.has(hotline)) return;
      const timer = setTimeout(() => {
        pendingQueues.delete(hotline);
        queues()
          .view(hotline, Date.now())
          .then((view) =>
            to([rooms.hotline(hotline), rooms.supervisors])?.emit('queue:updated', view),
          )
          .catch((err: unknown) => options.onError?.(err));
      }, throttle);
      timer.unref();
      pendingQueues.set(hotline, timer);
    },
    close() {
      closed = true;
      for (const t of pendingQueues.values()) clearTimeout(t);
      pendingQueues.clear();
    },
  };
}
