import type { TSql } from '../../../infra/database';
import type { TCallEvent } from './call-records';
import { insertEventsStatement } from '../../routing/call-events.statements';
import { insertEventStatement } from './call-writes.statements';
import { groupCommit } from '../../../infra/group-commit';

/**
 * Group commit for raw call events (every voice webhook writes one). Each webhook still waits for
 * its own event to be written. A failed batch is tried again event by event, so one event
 * Postgres refuses (a value out of range) fails alone and its neighbours are written; a failed
 * event is buffered by the webhook, as for any write.
 */
export function eventWritesBatcher(client: TSql) {
  const add = groupCommit<TCallEvent, undefined>(async (batch) => {
    try {
      await insertEventsStatement(
        client,
        batch.map((w) => w.item),
      );
      for (const w of batch) w.resolve(undefined);
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      await Promise.all(
        batch.map((w) =>
          insertEventStatement(client, w.item).then(() => w.resolve(undefined), w.reject),
        ),
      );
    }
  });
  return { add };
}
