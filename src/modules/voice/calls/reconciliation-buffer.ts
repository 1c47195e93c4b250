import type { TWaitingQueue, TWaitingCaller } from '../../routing/waiting-queue.repository';
import type { TCallLifecycle } from '../call-lifecycle.events';
import { leaveQueue } from '../queue-leave';
import { callStatusChanged, type TVoiceRouting } from '../voice-routing.port';
import type { TCallEvent, TCallsRepository, TCallUpdate, TNewCall } from './calls.repository';
import type { TCallStatus } from './call-state.policy';
import type { TReconciliationJournal } from './reconciliation-journal';

/** A write a webhook could not make because Postgres or Redis was down or slow. */
export type TPendingWrite =
  | { type: 'call'; call: TNewCall }
  | { type: 'update'; update: TCallUpdate }
  | { type: 'event'; event: TCallEvent }
  | {
      type: 'status';
      status: TCallStatus;
      sequenceNumber?: number;
      durationSeconds?: number;
      at: Date;
    }
  | { type: 'queue-add'; caller: TWaitingCaller }
  | { type: 'queue-remove'; hotline: string; result: string };

const MAX_CALLS = 10_000;

export type TReconciliationBuffer = ReturnType<typeof reconciliationBuffer>;

/**
 * Keeps, per call and in order, the writes that failed, and replays them once the stores answer
 * again. Calls recorded this way carry `needs_reconciliation` so reports can tell them apart.
 * What Postgres still owes is also copied to the `journal` (Redis, when it is up), so that a
 * node crashing during a Postgres outage does not lose those calls; the Redis lane needs no copy
 * (the queues are rebuilt from Postgres when Redis lost them).
 */
export function reconciliationBuffer(deps: {
  calls: TCallsRepository;
  queue: TWaitingQueue;
  routing: TVoiceRouting;
  events: TCallLifecycle;
  journal?: TReconciliationJournal;
}) {
  // Postgres writes and Redis writes wait apart: one store coming back should not wait for the other.
  const lanes = {
    postgres: new Map<string, TPendingWrite[]>(),
    redis: new Map<string, TPendingWrite[]>(),
  };
  const laneOf = (w: TPendingWrite) =>
    w.type === 'queue-add' || w.type === 'queue-remove' ? lanes.redis : lanes.postgres;

  async function replay(callSid: string, write: TPendingWrite): Promise<void> {
    switch (write.type) {
      case 'call':
        await deps.calls.recordCall({ ...write.call, needsReconciliation: true });
        await deps.calls.updateCall(callSid, { needsReconciliation: true });
        return;
      case 'update':
        return deps.calls.updateCall(callSid, { ...write.update, needsReconciliation: true });
      case 'event':
        return deps.calls.addEvent(write.event);
      case 'status': {
        const { type: _type, ...status } = write;
        const applied = await deps.calls.applyStatus({ callSid, ...status });
        if (applied?.changed) callStatusChanged(deps, callSid, applied.status);
        return;
      }
      case 'queue-add':
        // A caller who hung up meanwhile is not queued, so there is nothing to dispatch.
        if ((await deps.queue.add(write.caller)) === 'gone') return;
        deps.routing.queued({ taskId: callSid, hotline: write.caller.hotline });
        deps.events.emit('caller.queued', {
          callSid,
          hotline: write.caller.hotline,
          language: write.caller.language,
          enqueuedAt: write.caller.enqueuedAt,
        });
        return;
      case 'queue-remove':
        return leaveQueue(deps, callSid, write.hotline, write.result);
    }
  }

  // Keeps the journal's copy of one call's Postgres writes in step with memory.
  const journal = (callSid: string) => {
    const writes = lanes.postgres.get(callSid);
    if (writes?.length) deps.journal?.save(callSid, writes);
    else deps.journal?.drop(callSid);
  };

  return {
    add(callSid: string, write: TPendingWrite): void {
      const lane = laneOf(write);
      const list = lane.get(callSid);
      if (list) {
        // A caller who left the queue while Redis was down must not be queued when it returns.
        if (write.type === 'queue-remove') {
          const queued = list.findIndex((w) => w.type === 'queue-add');
          if (queued >= 0) {
            list.splice(queued, 1);
            if (!list.length) lane.delete(callSid);
            return;
          }
        }
        list.push(write);
      } else if (lane.size < MAX_CALLS) lane.set(callSid, [write]);
      if (lane === lanes.postgres) journal(callSid);
    },
    /** Writes another node owed Postgres when it stopped (from its journal). */
    restore(callSid: string, writes: readonly TPendingWrite[]): void {
      for (const write of writes) this.add(callSid, write);
    },
    /** Postgres writes of this call are waiting (later ones must queue behind them). */
    waitingForPostgres(callSid: string): boolean {
      return lanes.postgres.has(callSid);
    },
    has(callSid: string): boolean {
      return lanes.postgres.has(callSid) || lanes.redis.has(callSid);
    },
    size(): number {
      return new Set([...lanes.postgres.keys(), ...lanes.redis.keys()]).size;
    },
    /** Replays what it can; a call's remaining writes wait for the next flush after a failure. */
    async flush(): Promise<{ replayed: number; remaining: number }> {
      let replayed = 0;
      for (const lane of [lanes.postgres, lanes.redis]) {
        for (const [callSid, writes] of lane) {
          const before = writes.length;
          while (writes.length) {
            try {
              await replay(callSid, writes[0] as TPendingWrite);
            } catch {
              break;
            }
            writes.shift();
            replayed++;
          }
          if (!writes.length) lane.delete(callSid);
          if (lane === lanes.postgres && writes.length !== before) journal(callSid);
        }
      }
      return { replayed, remaining: this.size() };
    },
  };
}
