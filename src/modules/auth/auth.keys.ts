/**
 * Where sessions and sign-in state live: `<prefix>:{auth}:…`. The braces are a Redis Cluster hash
 * tag: a session and its user's session set change in one MULTI, and a sign-in clears its
 * challenge and failure count in one DEL, which a cluster runs only within one slot.
 */
export function authKeyspace(prefix: string): string {
  return `${prefix}:{auth}`;
}
