import type { TSql } from '../../../infra/database';
import type { TCallEvent } from './call-records';
import { insertEventStatement, insertEventsStatement } from './call-writes.statements';

type TWaiter = { event: TCallEvent; resolve: () => void; reject: (err: unknown) => void };

const MAX_BATCH = 200;

/**
 * Group commit for raw call events (every voice webhook writes one): an event goes out at once
 * when no write is in flight; those arriving meanwhile leave together in the next statement.
 * Each webhook still waits for its own event to be written, as before. A failed batch is tried
 * again event by event, so one event Postgres refuses (a value out of range) fails alone and
 * its neighbours are written; a failed event is buffered by the webhook, as for any write.
 */
export function eventWritesBatcher(client: TSql) {
  let waiting: TWaiter[] = [];
  let busy = false;

  async function send(batch: TWaiter[]): Promise<void> {
    try {
      await insertEventsStatement(
        client,
        batch.map((w) => w.event),
      );
      for (const w of batch) w.resolve();
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      await Promise.all(
        batch.map((w) => insertEventStatement(client, w.event).then(w.resolve, w.reject)),
      );
    }
  }

  async function drain(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      while (waiting.length) {
        const batch = waiting.slice(0, MAX_BATCH);
        waiting = waiting.slice(MAX_BATCH);
        await send(batch);
      }
    } finally {
      busy = false;
    }
  }

  return {
    add(event: TCallEvent): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ event, resolve, reject });
        void drain();
      });
    },
  };
}
