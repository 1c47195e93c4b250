import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { runMigrations } from '../../db/migrate';
import { parseConfig } from '../../src/config/config';
import { openDatabase } from '../../src/infra/database';
import { openRedis } from '../../src/infra/redis';
import { bullPrefix, JobQueues } from '../../src/jobs/job-queues';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { startLocalRedis } from '../../scripts/local/local-redis';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  webhookReceiver,
} from '../fixtures/referrals-world';
import { describe } from './routing-bench.stats';

// npm run bench:referrals [-- <rate per s> <seconds>] (default 100/s for 10 s) — the referral
// pipeline at a fixed arrival rate: the request is stored (outbox row + audit + timeline) and enqueued, the worker process (workers/main.ts, its own
// process) creates the ticket and delivers a signed webhook to a partner endpoint that answers
// after 50 ms. Latency = request start → webhook received. Baseline in the same run: an empty
// BullMQ job at the same rate, add → completed.
const RATE = Number(process.argv[2] ?? 100); // referrals per second
const SECONDS = Number(process.argv[3] ?? 10);
const PARTNER_MS = 50;
const TOTAL = RATE * SECONDS;
// BENCH_CPU_PROF=<dir>: the worker process writes a V8 CPU profile there when it stops.
const CPU_PROF = process.env.BENCH_CPU_PROF;

const key = () => randomBytes(32).toString('base64');

async function atRate(count: number, perSecond: number, fn: (i: number) => Promise<void>) {
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(fn(i));
  }
  await Promise.all(pending);
}

/** Redis commands served so far (INFO stats), to count what one referral or one job costs. */
async function redisCommands(redis: ReturnType<typeof openRedis>): Promise<number> {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? NaN);
}

/** CPU seconds (user + system) a process and its reaped children used so far, from /proc. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime, stime, cutime, cstime are fields 14-17 of stat, 12-15 after "pid (comm) ".
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
  } catch {
    return 0; // exited
  }
}

/** CPU seconds of the Postgres under `dataDir`: the postmaster and every backend it forked. */
function postgresCpuSeconds(dataDir: string): number {
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuSecondsOf(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
      if (Number(ppid) === pid) total += cpuSecondsOf(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-referrals-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: await freePort(),
    password: 'bench',
    database: 'bench',
  });
  const redisServer = await startLocalRedis({ dir: join(dir, 'redis'), port: await freePort() });
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: pg.url,
    REDIS_URL: redisServer.url,
    REDIS_PREFIX: 'bench',
    ENCRYPTION_KEYS: `k1:${key()}`,
    HMAC_KEY: key(),
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    REFERRAL_SWEEP_MS: '60000',
  };
  const config = parseConfig(env);
  const database = openDatabase(pg.url, { max: 10 });
  const stores = { config, database };
  const producerRedis = openRedis(redisServer.url);
  producerRedis.on('error', () => {});
  const queues = new JobQueues(producerRedis, config.REDIS_PREFIX);
  let workers: ChildProcess | undefined;
  try {
    await runMigrations(database);
    await seedOrganisations(stores);
    let secret = '';
    const receiver = await webhookReceiver(() => secret, { delayMs: PARTNER_MS });
    const unit = await insertUnit(stores, { webhookUrl: receiver.url });
    secret = unit.secret;
    await insertRule(stores, { need: 'shelter', unitId: unit.id });
    const people: Array<{ caseId: string; personId: string }> = [];
    for (let i = 0; i < TOTAL; i++) people.push(await insertCaseWithPerson(stores));

    const profArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
    workers = spawn(process.execPath, [...profArgs, '--import', 'tsx', 'workers/main.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await new Promise((r) => setTimeout(r, 4000));

    // Baseline: an empty BullMQ job at the same rate, measured add → completed.
    const baselineQueue = new Queue('bench-empty', {
      connection: producerRedis,
      prefix: bullPrefix('bench'),
    });
    const added = new Map<string, number>();
    const baseline: number[] = [];
    const noop = new Worker('bench-empty', async () => undefined, {
      connection: openRedis(redisServer.url, 'worker'),
      prefix: bullPrefix('bench'),
      concurrency: 10,
    });
    noop.on('completed', (job) =>
      baseline.push(performance.now() - (added.get(job.id ?? '') ?? NaN)),
    );
    const baselineCommands0 = await redisCommands(producerRedis);
    const baselineStart = performance.now();
    await atRate(TOTAL, RATE, async (i) => {
      added.set(`j${i}`, performance.now());
      await baselineQueue.add('empty', {}, { jobId: `j${i}`, removeOnComplete: true });
    });
    await waitFor(() => baseline.length >= TOTAL, 30_000);
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    await noop.close();
    const baselineCommands = (await redisCommands(producerRedis)) - baselineCommands0;

    // The pipeline.
    const started = new Map<string, number>();
    const storedAfter: number[] = [];
    const startOffset = Date.now() - performance.now();
    const commits = async () =>
      Number(
        (
          await database.sql<{ n: string }[]>`
            select xact_commit::text as n from pg_stat_database where datname = current_database()`
        )[0]?.n ?? NaN,
      );
    const commits0 = await commits();
    // CPU per referral is steadier than latency on a shared machine: the stores' and each
    // process's own work, whatever else runs meanwhile.
    const cpu = () => ({
      worker: cpuSecondsOf(workers?.pid ?? 0),
      postgres: postgresCpuSeconds(join(dir, 'pg')),
      api: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    });
    const cpu0 = cpu();
    const pipelineCommands0 = await redisCommands(producerRedis);
    const pipelineStart = performance.now();
    await atRate(TOTAL, RATE, async (i) => {
      const t = performance.now();
      const { referralId } = await storeReferral(stores, queues, {
        ...(people[i] as { caseId: string; personId: string }),
        needs: ['shelter'],
      });
      started.set(referralId, t);
      storedAfter.push(performance.now() - t);
    });
    const storedSeconds = (performance.now() - pipelineStart) / 1000;
    await waitFor(() => receiver.received.length >= TOTAL, 120_000);
    const pipelineSeconds = (performance.now() - pipelineStart) / 1000;
    const pipelineCommands = (await redisCommands(producerRedis)) - pipelineCommands0;
    const pipelineCommits = (await commits()) - commits0;
    const cpu1 = cpu();
    const cpuMs = (k: keyof typeof cpu0) => (((cpu1[k] - cpu0[k]) * 1000) / TOTAL).toFixed(1);
    const ticketRows = await database.sql<
      { id: string; referral_id: string; created_at: string }[]
    >`
      select id, referral_id, created_at from tickets`;
    const ticketToReferral = new Map(ticketRows.map((r) => [r.id, r.referral_id]));
    const ticketAfter = ticketRows.map(
      (r) => new Date(r.created_at).getTime() - startOffset - (started.get(r.referral_id) ?? NaN),
    );
    const latencies: number[] = [];
    for (const hit of receiver.received) {
      const ticketId = (JSON.parse(hit.body) as { ticket: { id: string } }).ticket.id;
      const begun = started.get(ticketToReferral.get(ticketId) ?? '');
      if (begun !== undefined) latencies.push(hit.at - startOffset - begun);
    }
    const keys = new Set(receiver.received.map((r) => r.idempotencyKey));
    const p = (values: number[], q: number) =>
      [...values].sort((a, b) => a - b)[Math.ceil((q / 100) * values.length) - 1] ?? NaN;

    console.log(
      `\nreferral pipeline at ${RATE}/s for ${SECONDS} s, partner answering in ${PARTNER_MS} ms (2 shared cores)`,
    );
    console.log(describe('empty BullMQ job (add → completed)', baseline));
    console.log(describe('request → stored + enqueued (outbox commit)', storedAfter));
    console.log(describe('request → ticket created (worker picked it up)', ticketAfter));
    console.log(describe('request → partner webhook received', latencies));
    console.log(
      `throughput: baseline ${(baseline.length / baselineSeconds).toFixed(1)} jobs/s; pipeline ${(latencies.length / pipelineSeconds).toFixed(1)} referrals/s delivered (offered ${RATE}/s, stored in ${storedSeconds.toFixed(1)} s)`,
    );
    console.log(
      `ratio pipeline/baseline: p50 ${(p(latencies, 50) / p(baseline, 50)).toFixed(1)}×, p99 ${(p(latencies, 99) / p(baseline, 99)).toFixed(1)}×`,
    );
    // What one referral costs the stores (bench process and worker together), next to one empty
    // job. Both windows include the idle workers' polling and timers, so the longer the window,
    // the more of those land in the figure: read them as upper bounds.
    console.log(
      `cost per referral: ${(pipelineCommands / TOTAL).toFixed(1)} Redis commands (empty job: ${(baselineCommands / TOTAL).toFixed(1)}), ${(pipelineCommits / TOTAL).toFixed(1)} Postgres commits`,
    );
    console.log(
      `CPU per referral: worker ${cpuMs('worker')} ms, Postgres ${cpuMs('postgres')} ms, request side (this process, with the partner endpoint) ${cpuMs('api')} ms`,
    );
    console.log(
      `delivered ${receiver.received.length}/${TOTAL} webhooks, ${keys.size} distinct idempotency keys, target p99 < 500 ms: ${p(latencies, 99) < 500 ? 'met' : 'NOT met'}`,
    );
    await baselineQueue.close();
    await receiver.close();
  } finally {
    workers?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await queues.close();
    producerRedis.disconnect();
    await database.close();
    await redisServer.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
