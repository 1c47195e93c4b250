import { rooms, type TQueueCount } from '../contracts/realtime';
import type { TQueueViews } from '../modules/routing/queue-view.repository';
import { queueCounts } from '../modules/routing/queue-counts.policy';
import { countSignature } from './queue-push.policy';
import type { TIo } from './realtime.server';

const DESKS = rooms.desks('', '').split(':')[0] + ':';

/**
 * Desks written to per event-loop turn. A room's count goes to each of its sockets by a write of
 * its own (tens of microseconds each on a VM): a thousand desks in one go stalled the loop for
 * 15–40 ms, and an offer decided in that window waited it out (the p99 of enqueue→offer during a
 * surge). In turns of this size, the offers, webhooks and Redis replies in between go first; the
 * whole room still hears within a few milliseconds.
 */
const DESKS_PER_TURN = 50;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

  /** The count to every socket of the room here, DESKS_PER_TURN of them per event-loop turn. */
  async function emitInTurns(room: string, count: TQueueCount): Promise<void> {
    const sockets = io.of('/').adapter.rooms.get(room);
    if (!sockets || sockets.size <= DESKS_PER_TURN) {
      io.local.to(room).emit('queue:counts', count);
      return;
    }
    // Each socket is in the room of its own id; one that left since is skipped, one that joined
    // since had the counts in its snapshot.
    const ids = [...sockets];
    for (let i = 0; i < ids.length && !closed; i += DESKS_PER_TURN) {
      if (i > 0) await nextTurn();
      io.local.to(ids.slice(i, i + DESKS_PER_TURN)).emit('queue:counts', count);
    }
  }

  async function push(): Promise<void> {
    const wanted = localRooms();
    const held = new Set<string>();
    const emits: Array<Promise<void>> = [];
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
          emits.push(emitInTurns(room, count));
        }
      }),
    );
    // The next period's push starts after this one's last desk heard (one push at a time).
    await Promise.all(emits);
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
