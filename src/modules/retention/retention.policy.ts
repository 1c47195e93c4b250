/** The moment before which finished records of a type may go; null when kept forever. */
export function retentionCutoff(now: Date, retainDays: number | null | undefined): Date | null {
  if (retainDays === null || retainDays === undefined) return null;
  return new Date(now.getTime() - retainDays * 86_400_000);
}
