/**
 * Where every routing key lives: `<prefix>:{routing}:…`. The braces are a Redis Cluster hash tag,
 * so a hotline's queue, its callers, the counsellors and their offers all sit in one slot and
 * each routing script (which reaches many of them at once) runs on one node. The whole routing
 * state stays on one shard; it is small and hot, and atomicity matters more here than spread.
 * On a single Redis or under Sentinel the braces are just characters.
 */
export function routingKeyspace(prefix: string): string {
  return `${prefix}:{routing}`;
}
