import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TPendingWrite } from './reconciliation-buffer';

/** Where the reconciliation buffer keeps a copy of what it owes Postgres. */
export type TReconciliationJournal = {
  save(callSid: string, writes: readonly TPendingWrite[]): void;
  drop(callSid: string): void;
};

const ALIVE_S = 30;
const DATE_FIELDS = new Set([
  'startedAt',
  'enqueuedAt',
  'leftQueueAt',
  'receivedAt',
  'at',
  'afterCallAskedAt',
]);

export function encodeWrites(writes: readonly TPendingWrite[]): string {
  return JSON.stringify(writes);
}

/** JSON turned the dates into strings; the repositories want dates back. */
export function decodeWrites(text: string): TPendingWrite[] {
  return JSON.parse(text, (key, value: unknown) =>
    DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as TPendingWrite[];
}

/**
 * A copy in Redis of the writes Postgres has not taken yet (Postgres is usually down alone), one
 * hash per API node, so a node that crashes during a Postgres outage does not lose those calls'
 * records: the next node to start takes over the hash of any node that stopped renewing its
 * heartbeat. With Redis down too, the copy is lost with the process, as before.
 */
export function redisReconciliationJournal(redis: Redis, prefix: string) {
  const nodeId = randomBytes(6).toString('hex');
  const key = (node: string) => `${prefix}:telephony:pending:${node}`;
  const alive = (node: string) => `${prefix}:telephony:alive:${node}`;
  const quiet = () => {};

  return {
    nodeId,
    save(callSid: string, writes: readonly TPendingWrite[]): void {
      redis.hset(key(nodeId), callSid, encodeWrites(writes)).catch(quiet);
    },
    drop(callSid: string): void {
      redis.hdel(key(nodeId), callSid).catch(quiet);
    },
    /** This node stops: its journal, if any writes remain, is free for the next node to take. */
    async stop(): Promise<void> {
      await redis.del(alive(nodeId));
    },
    /** Marks this node alive; call more often than every ALIVE_S seconds. */
    async heartbeat(): Promise<void> {
      await redis.set(alive(nodeId), '1', 'EX', ALIVE_S);
    },
    /**
     * Takes over the journals of nodes that are no longer alive (RENAME is atomic, so two nodes
     * starting together cannot both take one) and returns their writes, per call.
     */
    async claimOrphans(): Promise<Array<[string, TPendingWrite[]]>> {
      const claimed: Array<[string, TPendingWrite[]]> = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', key('*'), 'COUNT', 100);
        cursor = next;
        for (const k of keys) {
          const node = k.slice(key('').length);
          if (node === nodeId || (await redis.exists(alive(node)))) continue;
          const mine = `${key(nodeId)}:claim:${node}`;
          const moved = await redis.rename(k, mine).then(
            () => true,
            () => false,
          );
          if (!moved) continue;
          const entries = await redis.hgetall(mine);
          for (const [callSid, text] of Object.entries(entries))
            claimed.push([callSid, decodeWrites(text)]);
          await redis.del(mine);
        }
      } while (cursor !== '0');
      return claimed;
    },
  };
}
