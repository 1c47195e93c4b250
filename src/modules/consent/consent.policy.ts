/** The version in force per scope: the highest one recorded. */
export function currentConsents<T extends { scope: string; version: number }>(
  history: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const row of history) {
    const seen = latest.get(row.scope);
    if (!seen || row.version > seen.version) latest.set(row.scope, row);
  }
  return [...latest.values()];
}
