import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TPendingWrite } from './pending-write';

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
 * The journal's keys. One hash tag puts them all in one slot of a Redis Cluster, so a node can
 * RENAME another's journal to its own, and a set of node ids replaces a SCAN (which on a cluster
 * would see only the keys of whichever node it reached).
 */
export function journalKeys(prefix: string) {
  const base = `${prefix}:{telephony-journal}`;
  return {
    nodes: `${base}:nodes`,
    pending: (node: string) => `${base}:pending:${node}`,
    alive: (node: string) => `${base}:alive:${node}`,
  };
}

/**
 * A copy in Redis of the writes Postgres has not taken yet (Postgres is usually down alone), one
 * hash per API node, so a node that crashes during a Postgres outage does not lose those calls'
 * records: the next node to start takes over the hash of any node that stopped renewing its
 * heartbeat. With Redis down too, the copy is lost with the process, as before.
 */
export function redisReconciliationJournal(redis: Redis, prefix: string) {
  const nodeId = randomBytes(6).toString('hex');
  const keys = journalKeys(prefix);
  const quiet = () => {};

  return {
    nodeId,
    save(callSid: string, writes: readonly TPendingWrite[]): void {
      // The node is listed with its first write, so a node that dies before its heartbeat is found.
      redis
        .multi()
        .sadd(keys.nodes, nodeId)
        .hset(keys.pending(nodeId), callSid, encodeWrites(writes))
        .exec()
        .catch(quiet);
    },
    drop(callSid: string): void {
      redis.hdel(keys.pending(nodeId), callSid).catch(quiet);
    },
    /** This node stops: its journal, if any writes remain, is free for the next node to take. */
    async stop(): Promise<void> {
      await redis.del(keys.alive(nodeId));
    },
    /** Marks this node alive; call more often than every ALIVE_S seconds. */
    async heartbeat(): Promise<void> {
      await redis.set(keys.alive(nodeId), '1', 'EX', ALIVE_S);
    },
    /**
     * Takes over the journals of nodes that are no longer alive (RENAME is atomic, so two nodes
     * starting together cannot both take one) and returns their writes, per call.
     */
    async claimOrphans(): Promise<Array<[string, TPendingWrite[]]>> {
      const claimed: Array<[string, TPendingWrite[]]> = [];
      for (const node of await redis.smembers(keys.nodes)) {
        if (node === nodeId || (await redis.exists(keys.alive(node)))) continue;
        const mine = `${keys.pending(nodeId)}:claim:${node}`;
        const moved = await redis.rename(keys.pending(node), mine).then(
          () => true,
          () => false,
        );
        // Not moved: another node took it first, or it had nothing left (it was emptied).
        if (moved) {
          const entries = await redis.hgetall(mine);
          for (const [callSid, text] of Object.entries(entries))
            claimed.push([callSid, decodeWrites(text)]);
          await redis.del(mine);
        }
        await redis.srem(keys.nodes, node);
      }
      return claimed;
    },
  };
}
