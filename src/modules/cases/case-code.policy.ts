/** SD-2026-000123: the year the case was opened and a sequence number that is never reused. */
export function formatCaseCode(year: number, seq: number): string {
  return `SD-${year}-${String(seq).padStart(6, '0')}`;
}
