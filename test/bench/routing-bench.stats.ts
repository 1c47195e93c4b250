/** Percentile of a list of milliseconds (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function describe(label: string, values: readonly number[]): string {
  const f = (v: number) => `${v.toFixed(1).padStart(8)} ms`;
  return `${label.padEnd(46)} n=${String(values.length).padStart(5)}  p50 ${f(percentile(values, 50))}  p99 ${f(percentile(values, 99))}  max ${f(percentile(values, 100))}`;
}

/** Highest resident set size of a process seen so far, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
