import { API_NODE_ARGS } from '../../scripts/local/services';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { hotlines, staffUsers } from '../../db/schema/index';
import { runMigrations } from '../../db/migrate';
import { parseConfig } from '../../src/config/config';
import { openDatabase } from '../../src/infra/database';
import { openRedis } from '../../src/infra/redis';
import { createSession } from '../../src/modules/auth/session.repository';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { startLocalRedis } from '../../scripts/local/local-redis';
import { startTwilioRecorder } from '../fixtures/twilio-recorder';
import type { TCounsellorsMessage, TCounsellorsStart } from './routing-bench.counsellors';
import type { TSocketMeter } from './routing-bench.socket-meter';
import { pool, postSignedWebhook } from './routing-bench.http';
import { redisBenchmarkEval, routingLuaOps } from './routing-bench.lua';
import { routingKeyspace } from '../../src/modules/routing/routing.keys';
import {
  cpuMs,
  describe,
  machineCpuMs,
  perCaller,
  percentile,
  redisCommandCounts,
  rssMb,
  syscalls,
} from './routing-bench.stats';

// npm run bench:routing — 1,000 counsellors connected over real websockets to an API process of
// its own, surges of 2,000 callers through the signed Twilio webhook (RATES per second, RUNS
// times each), then the API CPU, Redis commands, Postgres transactions and websocket messages
// and bytes each caller cost, then the routing Lua steps next to redis-benchmark's trivial EVAL
// on the same Redis, and a summary of every surge against the issue's targets.
const COUNSELLORS = 1000;
const CALLERS = 2000;
const CALL_MS = 200;
/**
 * Processes the counsellors' sockets are spread over (ROUTING_BENCH_COUNSELLOR_PROCESSES). One on
 * two cores: a second one measured no better (it competes with the API for the same cores).
 */
const COUNSELLOR_PROCESSES = Number(process.env.ROUTING_BENCH_COUNSELLOR_PROCESSES ?? 1);
const CONCURRENCY = 100;
// One surge per arrival rate, in callers per second: 2,000 callers in 40 s, 20 s, then 10 s (the
// 200 calls/s of the incoming-call benchmark), so the figures show where the API saturates.
// ROUTING_BENCH_RATES=200 runs one; 0 posts as fast as 100 webhooks in flight allow.
const RATES = (process.env.ROUTING_BENCH_RATES ?? '50,100,200').split(',').map(Number);
/** Every rate is surged this many times (ROUTING_BENCH_RUNS): its spread shows in the summary. */
const RUNS = Number(process.env.ROUTING_BENCH_RUNS ?? 3);
const WAIT_S = 300;
/** Seconds the idle API (counsellors connected, no calls) is measured for. */
const IDLE_S = 10;
/** Callers of an unreported surge before the measured ones (ROUTING_BENCH_WARMUP). */
const WARMUP = Number(process.env.ROUTING_BENCH_WARMUP ?? 500);

const key = () => randomBytes(32).toString('base64');

type TSurgeResult = {
  run?: number;
  rate: number;
  p50: number;
  p99: number;
  cpuMs: number;
  lost: number;
  twice: number;
  socketMessages: number;
  socketBytes: number;
};

/** Websocket messages and bytes per caller between two meter readings, biggest events first. */
function socketsPerCaller(before: TSocketMeter, after: TSocketMeter, callers: number) {
  const messages = (after.messages - before.messages) / callers;
  const bytes = (after.bytes - before.bytes) / callers;
  const each = Object.entries(after.byEvent)
    .map(([event, n]) => {
      const was = before.byEvent[event] ?? { messages: 0, bytes: 0 };
      return [
        event,
        (n.messages - was.messages) / callers,
        (n.bytes - was.bytes) / callers,
      ] as const;
    })
    .filter(([, n]) => n >= 0.05)
    .sort((a, b) => b[2] - a[2]);
  const line = `${messages.toFixed(1)} messages, ${bytes.toFixed(0)} bytes (${each.map(([e, n, b]) => `${e} ${n.toFixed(1)} / ${b.toFixed(0)} B`).join(', ')})`;
  return { messages, bytes, line };
}

async function main(): Promise<void> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-routing-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: await freePort(),
    password: 'bench',
    database: 'bench',
  });
  const redisPort = await freePort();
  const redisServer = await startLocalRedis({ dir: join(dir, 'redis'), port: redisPort });
  const recorder = await startTwilioRecorder();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    PUBLIC_BASE_URL: base,
    DATABASE_URL: pg.url,
    REDIS_URL: redisServer.url,
    REDIS_PREFIX: 'bench',
    ENCRYPTION_KEYS: `k1:${key()}`,
    HMAC_KEY: key(),
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    TWILIO_API_BASE_URL: recorder.url,
    COOKIE_SECURE: 'false',
    RATE_LIMIT_MAX: '1000000',
    ROUTING_WRAP_UP_MS: '0',
  };
  const config = parseConfig(env);
  const db = openDatabase(pg.url, { max: 4 });
  const redis = openRedis(redisServer.url, 'worker');
  let api: ReturnType<typeof spawn> | undefined;
  const counsellors: ChildProcess[] = [];
  try {
    await runMigrations(db);
    await db.db.insert(hotlines).values({
      number: '1362',
      nameLo: '1362',
      nameEn: '1362',
      phoneNumber: '+85621136200',
      languages: ['lo'],
      openingHours: {
        weekly: Object.fromEntries(
          ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]),
        ),
        holidays: [],
      },
    });
    const staff = Array.from({ length: COUNSELLORS }, (_, i) => ({
      id: crypto.randomUUID(),
      username: `c${i}`,
      displayName: `C ${i}`,
      role: 'counsellor' as const,
      passwordHash: 'unused',
      hotlines: ['1362'],
      languages: ['lo'],
    }));
    for (let i = 0; i < staff.length; i += 500)
      await db.db.insert(staffUsers).values(staff.slice(i, i + 500));
    const cookies = await Promise.all(
      staff.map(async (s) => `sid=${await createSession({ redis, config }, s.id)}`),
    );

    // ROUTING_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the API process there.
    const profile = process.env.ROUTING_BENCH_CPU_PROF;
    // The API runs with the flags npm start and the Dockerfile give it.
    const nodeArgs: string[] = [...API_NODE_ARGS];
    if (profile) nodeArgs.push('--cpu-prof', '--cpu-prof-dir', profile);
    // ROUTING_BENCH_TRACE_GC=1 prints the API's heap at each garbage collection (where RSS goes).
    if (process.env.ROUTING_BENCH_TRACE_GC) nodeArgs.push('--trace-gc');
    // ROUTING_BENCH_API_NODE_ARGS="--max-old-space-size=160": try other V8 flags on the API only.
    nodeArgs.push(...(process.env.ROUTING_BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean));
    // The socket meter (routing-bench.socket-meter.ts) counts what the API writes to websockets.
    const socketMeter = new URL('./routing-bench.socket-meter.ts', import.meta.url).href;
    api = spawn(
      process.execPath,
      [...nodeArgs, '--import', 'tsx', '--import', socketMeter, 'src/server.ts'],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const apiProcess = api;
    /** Socket messages and bytes the API has written to websockets so far. */
    const socketTotals = () =>
      new Promise<TSocketMeter>((resolve) => {
        const answer = (m: unknown) => {
          if ((m as TSocketMeter | null)?.type !== 'socket-meter') return;
          apiProcess.off('message', answer);
          resolve(m as TSocketMeter);
        };
        apiProcess.on('message', answer);
        apiProcess.send('socket-meter');
      });
    const pid = api.pid ?? 0;
    // A loaded machine may take a while to start the API (tsx compiles on the fly): wait for it.
    const ready = () =>
      fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
    for (let i = 0; i < 1200 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 100));
    if (!(await ready())) throw new Error('the API did not become ready within 2 minutes');
    const rssIdle = await rssMb(pid);

    const signed = (path: string, params: Record<string, string>) =>
      postSignedWebhook(base, env.TWILIO_AUTH_TOKEN, path, params);

    // The counsellors live in processes of their own (routing-bench.counsellors.ts), a share of
    // them each: in life every counsellor has a browser of their own.
    const answered = new Set<string>();
    let reports: Array<Extract<TCounsellorsMessage, { type: 'report' }>> = [];
    const share = Math.ceil(COUNSELLORS / COUNSELLOR_PROCESSES);
    const connectMs = await Promise.all(
      Array.from({ length: COUNSELLOR_PROCESSES }, (_, i) => {
        const child = fork(new URL('./routing-bench.counsellors.ts', import.meta.url).pathname, {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        counsellors.push(child);
        const start: TCounsellorsStart = {
          type: 'start',
          base,
          authToken: env.TWILIO_AUTH_TOKEN,
          cookies: cookies.slice(i * share, (i + 1) * share),
          callMs: CALL_MS,
        };
        child.send(start);
        return new Promise<number>((resolve) =>
          child.on('message', (m: TCounsellorsMessage) => {
            if (m.type === 'ready') resolve(m.connectMs);
            else if (m.type === 'answered') answered.add(m.callSid);
            else reports.push(m);
          }),
        );
      }),
    );
    console.log(
      `${COUNSELLORS} counsellors (in ${COUNSELLOR_PROCESSES} processes) connected in ${(Math.max(...connectMs) / 1000).toFixed(1)} s`,
    );
    const rssConnected = await rssMb(pid);
    // What 1,000 connected, idle counsellors cost the API (presence heartbeat, routing sweep, desk
    // counts, socket.io pings): its fixed cost, paid whatever the rate. The counsellors' last
    // presence changes still go out for a second or so after they are ready: wait for them first,
    // or the figure counts the connection's tail.
    await new Promise((r) => setTimeout(r, 3_000));
    const idleFrom = await cpuMs(pid);
    const idleRedisFrom = await redisCommandCounts(redis);
    const idleSocketsFrom = await socketTotals();
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const idleCpuMsPerS = ((await cpuMs(pid)) - idleFrom) / IDLE_S;
    const idleSockets = socketsPerCaller(idleSocketsFrom, await socketTotals(), IDLE_S);
    console.log(
      `API idle, ${COUNSELLORS} counsellors connected and no calls, over ${IDLE_S} s: CPU ${idleCpuMsPerS.toFixed(1)} ms per second (${(idleCpuMsPerS / 10).toFixed(1)}% of one core); per second: Redis commands ${perCaller(idleRedisFrom, await redisCommandCounts(redis), IDLE_S)}; websockets ${idleSockets.line}`,
    );

    // Routing alone: from the incoming webhook's answer (the caller is in Redis by then) to the
    // offer; an offer that beats the answer counts as 0.
    const benchLag = monitorEventLoopDelay({ resolution: 5 });
    let peakRss = rssConnected;
    const sampler = setInterval(
      () =>
        void rssMb(pid).then(
          (v) => (peakRss = Math.max(peakRss, v)),
          () => {},
        ),
      200,
    );
    const pgCommits = async () =>
      Number(
        (
          await db.sql<{ n: string }[]>`
            SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`
        )[0]?.n ?? 0,
      );

    /**
     * Who used the machine's CPU from now until `since()`: the API, the counsellors' processes,
     * this process (webhook poster and Twilio stand-in), Redis, and the rest (Postgres, kernel).
     */
    async function cpuShares() {
      const procs: Array<[string, number]> = [
        ['API', pid],
        ...counsellors.map((c, i): [string, number] => [
          counsellors.length > 1 ? `counsellors ${i + 1}` : 'counsellors',
          c.pid ?? 0,
        ]),
        ['Redis', redisServer.process.pid ?? 0],
      ];
      const read = async () => ({
        machine: await machineCpuMs(),
        procs: await Promise.all(procs.map(([, p]) => cpuMs(p))),
        self: process.cpuUsage(),
      });
      const from = await read();
      return {
        async since() {
          const to = await read();
          const wall = (to.machine.total - from.machine.total) / cpus().length;
          const pct = (ms: number) => Math.round((100 * ms) / wall);
          const used = procs.map(
            ([name], i) => [name, (to.procs[i] ?? 0) - (from.procs[i] ?? 0)] as const,
          );
          const self = (to.self.user + to.self.system - from.self.user - from.self.system) / 1000;
          const busy = to.machine.busy - from.machine.busy;
          const rest = busy - self - used.reduce((sum, [, ms]) => sum + ms, 0);
          const each = [
            ...used,
            ['poster + Twilio stand-in', self] as const,
            ['Postgres, kernel, rest', rest] as const,
          ]
            .map(([name, ms]) => `${name} ${pct(ms)}%`)
            .join(', ');
          return { busy: Math.round((100 * busy) / (to.machine.total - from.machine.total)), each };
        },
      };
    }

    /**
     * One surge of `callers` callers at `rate` per second, every counsellor free at its start.
     * `report: false` is the warm-up: only its lost and offered-twice counts are printed.
     */
    async function surgeAt(
      rate: number,
      callers = CALLERS,
      report = true,
    ): Promise<TSurgeResult | null> {
      const callSids = Array.from(
        { length: callers },
        () => `CA${randomBytes(16).toString('hex')}`,
      );
      const respondedAt = new Map<string, number>();
      answered.clear();
      reports = [];
      const redisBefore = await redisCommandCounts(redis);
      const pgBefore = await pgCommits();
      const cpuBefore = await cpuMs(pid);
      const callsBefore = await syscalls(pid);
      const socketsBefore = await socketTotals();
      const shares = await cpuShares();
      const surge = performance.now();
      benchLag.reset();
      benchLag.enable();
      let posted = 0;
      await pool(callSids, CONCURRENCY, async (sid) => {
        const due = surge + (posted++ * 1000) / rate;
        if (rate > 0) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        await signed('/webhooks/twilio/voice/incoming?hotline=1362', {
          CallSid: sid,
          From: '+8562055500000',
          To: '+85621136200',
          CallStatus: 'ringing',
        });
        respondedAt.set(sid, Date.now());
      });
      const surgeMs = performance.now() - surge;
      for (let i = 0; i < WAIT_S * 10 && answered.size < callers; i++)
        await new Promise((r) => setTimeout(r, 100));
      const answeredAfterS = (performance.now() - surge) / 1000;
      const machine = await shares.since();
      benchLag.disable();
      // The last calls hang up CALL_MS later: let every counsellor be free for the next surge.
      await new Promise((r) => setTimeout(r, CALL_MS + 1500));
      const stillWaiting = await redis.zcard(`${routingKeyspace(env.REDIS_PREFIX)}:queue:1362`);
      const apiCpu = (await cpuMs(pid)) - cpuBefore;
      const callsAfter = await syscalls(pid);
      const socketsAfter = await socketTotals();
      const redisAfter = await redisCommandCounts(redis);
      const pgAfter = await pgCommits();
      for (const child of counsellors) child.send({ type: 'report' });
      for (let i = 0; i < 100 && reports.length < counsellors.length; i++)
        await new Promise((r) => setTimeout(r, 100));
      if (reports.length < counsellors.length) throw new Error('the counsellors did not report');
      const seen = {
        offers: reports.flatMap((r) => r.offers),
        acceptToBridgeMs: reports.flatMap((r) => r.acceptToBridgeMs),
        lagP50Ms: Math.max(...reports.map((r) => r.lagP50Ms)),
        lagP99Ms: Math.max(...reports.map((r) => r.lagP99Ms)),
      };
      // enqueuedAt is stamped as the caller enters the Redis queue (after the webhook's Postgres
      // write); a new caller's first offer is decided in that same Redis step, so enqueue→offer
      // is the entry, the API's announcement and the socket to the counsellor's process.
      const firstOffer: number[] = [];
      const queuedToOffer: number[] = [];
      const nextOffer: number[] = [];
      let offerBeatAnswer = 0;
      const offersPerCall = new Map<string, number>();
      for (const o of seen.offers) {
        offersPerCall.set(o.callSid, (offersPerCall.get(o.callSid) ?? 0) + 1);
        if (o.freedAt !== null) {
          nextOffer.push(o.receivedAt - Math.max(o.freedAt, o.enqueuedAt));
          continue;
        }
        firstOffer.push(o.receivedAt - o.enqueuedAt);
        const answeredAt = respondedAt.get(o.callSid);
        if (answeredAt === undefined || answeredAt > o.receivedAt) offerBeatAnswer++;
        queuedToOffer.push(answeredAt === undefined ? 0 : Math.max(0, o.receivedAt - answeredAt));
      }
      const twice = [...offersPerCall.values()].filter((n) => n > 1).length;
      if (!report) {
        console.log(
          `\nwarm-up (not in the figures): ${callers} callers at ${rate}/s, ${answered.size} answered, ${stillWaiting} still waiting, ${twice} offered twice`,
        );
        return null;
      }
      console.log(
        `\nsurge: ${callers} callers at ${rate > 0 ? `${rate}/s` : `full speed (${CONCURRENCY} in flight)`}, posted in ${(surgeMs / 1000).toFixed(1)} s (${(callers / (surgeMs / 1000)).toFixed(0)}/s), ${answered.size} answered after ${answeredAfterS.toFixed(1)} s`,
      );
      console.log(describe('enqueue→offer (a counsellor was free)', firstOffer));
      // monitorEventLoopDelay samples every 5 ms: a loop with no delay at all reads about 5 ms.
      console.log(
        `  (event-loop delay, 5 ms sampling: counsellors' processes (worst) p50 ${seen.lagP50Ms.toFixed(1)} ms, p99 ${seen.lagP99Ms.toFixed(1)} ms; webhook poster's p50 ${(benchLag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(benchLag.percentile(99) / 1e6).toFixed(1)} ms)`,
      );
      console.log(describe('webhook answered→offer (routing alone)', queuedToOffer));
      console.log(`  (${offerBeatAnswer} offers arrived before the webhook's own answer)`);
      console.log(describe('hang-up→next offer (caller was waiting)', nextOffer));
      console.log(describe('accept→bridge requests done (ack)', seen.acceptToBridgeMs));
      console.log(
        `callers answered ${answered.size}/${callers}, still waiting in Redis ${stillWaiting}, lost (neither) ${callers - answered.size - stillWaiting}, offered more than once ${twice}`,
      );
      // Where the API's time goes: one core's worth of CPU per caller caps the calls per second.
      console.log(
        `machine while the surge ran: ${machine.busy}% of its ${cpus().length} cores busy; of one core: ${machine.each}`,
      );
      console.log(
        `per caller (offer, accept, bridge, hang-up): API CPU ${(apiCpu / callers).toFixed(2)} ms (one core saturates at ~${(callers / (apiCpu / 1000)).toFixed(0)} callers/s), API system calls ${((callsAfter.writes - callsBefore.writes) / callers).toFixed(1)} writes and ${((callsAfter.reads - callsBefore.reads) / callers).toFixed(1)} reads, Redis commands ${perCaller(redisBefore, redisAfter, callers)}, Postgres transactions ${((pgAfter - pgBefore) / callers).toFixed(1)}`,
      );
      const sockets = socketsPerCaller(socketsBefore, socketsAfter, callers);
      console.log(`per caller, written to the counsellors' websockets: ${sockets.line}`);
      console.log(
        `longest burst of websocket writes in one API event-loop turn: ${socketsAfter.burst.writes} writes, ${socketsAfter.burst.ms.toFixed(1)} ms (an offer decided meanwhile waits it out)`,
      );
      // ROUTING_BENCH_API_LAG=1: how long the API's own loop was held (an offer waits it out).
      if (socketsAfter.lag)
        console.log(
          `API event-loop delay (5 ms sampling) over the surge: p50 ${socketsAfter.lag.p50.toFixed(1)} ms, p99 ${socketsAfter.lag.p99.toFixed(1)} ms, max ${socketsAfter.lag.max.toFixed(1)} ms`,
        );
      return {
        rate,
        p50: percentile(firstOffer, 50),
        p99: percentile(firstOffer, 99),
        cpuMs: apiCpu / callers,
        lost: callers - answered.size - stillWaiting,
        twice,
        socketMessages: sockets.messages,
        socketBytes: sockets.bytes,
      };
    }
    // A running API has its hot paths compiled; a fresh one spends the first seconds of a surge
    // in V8's compilers. ROUTING_BENCH_WARMUP=0 measures from cold.
    if (WARMUP > 0) await surgeAt(100, WARMUP, false);
    const results: TSurgeResult[] = [];
    for (let run = 1; run <= RUNS; run++)
      for (const rate of RATES) {
        console.log(`\n— run ${run} of ${RUNS}`);
        const result = await surgeAt(rate);
        if (result) results.push({ ...result, run });
      }
    clearInterval(sampler);

    console.log(
      `API RSS: idle ${rssIdle.toFixed(0)} MB, 1,000 sockets ${rssConnected.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB`,
    );
    console.log(`Twilio REST requests made: ${recorder.requests.length}`);

    console.log('\nRedis Lua, 20,000 ops each, 50 in flight:');
    const evalBaseline = redisBenchmarkEval(redisPort, 100_000);
    console.log(
      `  redis-benchmark EVAL "return 1" (baseline)       ${evalBaseline.toFixed(0).padStart(8)} ops/s`,
    );
    for (const [name, ops] of Object.entries(await routingLuaOps(redis, 20_000)))
      console.log(`  ${name.padEnd(48)} ${ops.toFixed(0).padStart(8)} ops/s`);

    // One table for the issue's targets, every surge of this run, beside the run's baseline.
    const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`;
    console.log(
      `\nsummary, ${COUNSELLORS} counsellors, ${CALLERS} callers per surge (targets: enqueue→offer p99 < 10 ms at 50 and 100/s; API CPU ≤ 2.5 ms per caller at 200/s; 0 lost, 0 offered twice; RSS < 300 MB)`,
    );
    console.log(
      '  run  rate   offer p50   offer p99   API CPU/caller  lost  twice  socket msgs/caller  bytes/caller',
    );
    for (const r of results)
      console.log(
        `  ${String(r.run).padStart(3)}  ${String(r.rate).padStart(4)}  ${ms(r.p50).padStart(10)}  ${ms(r.p99).padStart(10)}  ${r.cpuMs.toFixed(2).padStart(11)} ms  ${String(r.lost).padStart(4)}  ${String(r.twice).padStart(5)}  ${r.socketMessages.toFixed(1).padStart(18)}  ${r.socketBytes.toFixed(0).padStart(12)}`,
      );
    console.log(
      `  API idle (${COUNSELLORS} counsellors connected, no calls): ${idleCpuMsPerS.toFixed(1)} ms of CPU per second`,
    );
    console.log(
      `  API RSS peak ${peakRss.toFixed(0)} MB; baseline in this run: redis-benchmark EVAL "return 1" ${evalBaseline.toFixed(0)} ops/s; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (latency means little on a loaded machine; CPU per caller holds better)`,
    );
  } finally {
    for (const child of counsellors) child.send({ type: 'stop' });
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    redis.disconnect();
    await db.close();
    await recorder.close();
    await redisServer.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Sockets closed at the end reject their pending acks; that is the bench stopping, not a result.
process.on('unhandledRejection', () => undefined);
await main();
process.exit(0);
