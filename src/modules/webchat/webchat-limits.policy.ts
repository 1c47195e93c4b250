/**
 * A per-connection message budget kept in the socket's own memory (a connection lives on one node):
 * at most `max` messages in any rolling `windowMs`.
 */
export function rollingBudget(max: number, windowMs: number) {
  const sent: number[] = [];
  return {
    take(now: number): boolean {
      while (sent.length && (sent[0] as number) <= now - windowMs) sent.shift();
      if (sent.length >= max) return false;
      sent.push(now);
      return true;
    },
  };
}
