import type { TSql } from '../../infra/database';
import { insertEventsStatement } from './call-events.statements';

export type TRoutingEventKind =
  | 'routing.offered'
  | 'routing.accepted'
  | 'routing.rejected'
  | 'routing.offer-timeout'
  | 'routing.offer-withdrawn'
  | 'routing.bridged'
  | 'routing.bridge-failed'
  | 'routing.requeued'
  | 'routing.transferred'
  | 'routing.ended';

export type TRoutingEvent = {
  callSid: string;
  kind: TRoutingEventKind;
  /** Ids and routing facts only (offer id, counsellor user id, tier, hotline, language). */
  payload: Record<string, string>;
};

export type TRoutingEventLog = {
  record(event: TRoutingEvent): void;
  flush(): Promise<void>;
};

/**
 * Appends routing steps to the durable call-event log that supervisor figures are computed
 * from. Writes are batched off the hot path: an offer never waits for Postgres, and a failed
 * write is retried with the next batch rather than lost while the process runs.
 */
export function routingEventLog(
  sql: TSql,
  onError: (err: unknown) => void,
  options: { batchSize?: number; intervalMs?: number } = {},
): TRoutingEventLog {
  const batchSize = options.batchSize ?? 200;
  let pending: Array<TRoutingEvent & { receivedAt: Date }> = [];
  let flushing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function write(): Promise<void> {
    while (pending.length) {
      const batch = pending.slice(0, batchSize);
      try {
        await insertEventsStatement(sql, batch);
        pending = pending.slice(batch.length);
      } catch (err) {
        onError(err);
        return;
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    flushing ??= write().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    record(event) {
      pending.push({ ...event, receivedAt: new Date() });
      if (pending.length >= batchSize) void flush();
      else timer ??= setTimeout(() => void flush(), options.intervalMs ?? 100);
    },
    flush,
  };
}
