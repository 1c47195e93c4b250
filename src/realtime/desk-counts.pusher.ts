import { rooms, type TQueueCount } from '../contracts/realtime';
import type { TQueueViews } from '../modules/routing/queue-view.repository';
import { queueCounts } from '../modules/routing/queue-counts.policy';
import { countSignature } from './queue-push.policy';
import type { TIo } from './realtime.server';

const DESKS = rooms.desks('', '').split(':')[0] + ':';

/**
 * The waiting counts every desk shows, pushed by each API node to its own desks: once a period,
 * one message per hotline and language room whose count changed since this node last told it,
 * encoded once for the whole room. A surge changes the counts many times a second; the desks
 * hear of it at most once a second, however many desks and callers there are.
 *
 * Each node reads the counts of the rooms it holds (one Redis script per hotline and period)
 * rather than waiting to be told of changes: a change made on another node is seen all the same,
 * and what this node remembers having sent is exactly what its own desks were sent.
 */
export function startDeskCounts(
  io: TIo,
  queues: () => TQueueViews,
  options: { periodMs?: number; onError?: (err: unknown) => void } = {},
): { close(): void } {
  const sent = new Map<string, string>();
  let running: Promise<void> | null = null;
  let closed = false;

  /** Hotline → languages of the desk rooms with a socket on this node. */
  function localRooms(): Map<string, string[]> {
    const byHotline = new Map<string, string[]>();
    for (const [room, sockets] of io.of('/').adapter.rooms) {
      if (!room.startsWith(DESKS) || !sockets.size) continue;
      const at = room.lastIndexOf(':');
      const hotline = room.slice(DESKS.length, at);
      const list = byHotline.get(hotline) ?? [];
      list.push(room.slice(at + 1));
      byHotline.set(hotline, list);
    }
    return byHotline;
  }

  async function push(): Promise<void> {
    const wanted = localRooms();
    const held = new Set<string>();
    await Promise.all(
      [...wanted].map(async ([hotline, languages]) => {
        const now = Date.now();
        const view = await queues().view(hotline, now);
        for (const count of queueCounts(hotline, view, languages, now)) {
          const room = rooms.desks(count.hotline, count.language);
          held.add(room);
          const signature = countSignature(count);
          if (sent.get(room) === signature || closed) continue;
          sent.set(room, signature);
          io.local.to(room).emit('queue:counts', count satisfies TQueueCount);
        }
      }),
    );
    // A room nobody holds any more: a desk joining it later gets its counts in the snapshot.
    for (const room of sent.keys()) if (!held.has(room)) sent.delete(room);
  }

  function tick(): Promise<void> {
    running ??= push()
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void tick(), options.periodMs ?? 1000);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}
