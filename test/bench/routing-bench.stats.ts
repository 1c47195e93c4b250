/** A clock shared by the processes of one machine, sub-millisecond (unlike Date.now()). */
export const sharedNow = () => performance.timeOrigin + performance.now();

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

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export async function cpuMs(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Calls per Redis command so far (INFO commandstats; commands run inside scripts included). */
export async function redisCommandCounts(redis: {
  info(section: string): Promise<string>;
}): Promise<Record<string, number>> {
  const info = await redis.info('commandstats');
  return Object.fromEntries(
    [...info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)].map((m) => [m[1] ?? '', Number(m[2])]),
  );
}

/** "88.5 (hmget 12.5, zrem 9.7, …)": commands per caller between two counts, most used first. */
export function perCaller(
  before: Record<string, number>,
  after: Record<string, number>,
  callers: number,
): string {
  const each = Object.entries(after)
    .map(([c, n]) => [c, (n - (before[c] ?? 0)) / callers] as const)
    .filter(([, n]) => n >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  const total = each.reduce((sum, [, n]) => sum + n, 0);
  return `${total.toFixed(1)} (${each.map(([c, n]) => `${c} ${n.toFixed(1)}`).join(', ')})`;
}

/**
 * Read and write system calls a process has made so far, from /proc (Linux). On this VM a socket
 * write costs tens of microseconds of CPU: the count says how much the API talks, not its bytes.
 */
export async function syscalls(pid: number): Promise<{ reads: number; writes: number }> {
  const { readFile } = await import('node:fs/promises');
  const io = await readFile(`/proc/${pid}/io`, 'utf8');
  return {
    reads: Number(/syscr:\s+(\d+)/.exec(io)?.[1] ?? 0),
    writes: Number(/syscw:\s+(\d+)/.exec(io)?.[1] ?? 0),
  };
}

/**
 * CPU time the whole machine has spent busy and in all, in ms summed over its cores, from
 * /proc/stat (Linux): during a surge, how much of the machine the API, the test's own processes,
 * Redis and Postgres leave one another.
 */
export async function machineCpuMs(): Promise<{ busy: number; total: number }> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile('/proc/stat', 'utf8');
  // cpu user nice system idle iowait irq softirq steal …
  const ticks = (stat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  return { busy: ((total - idle) * 1000) / 100, total: (total * 1000) / 100 };
}
