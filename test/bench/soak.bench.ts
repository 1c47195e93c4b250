import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runMigrations } from '../../db/migrate';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { startLocalRedis } from '../../scripts/local/local-redis';
import { buildApp } from '../../src/build-app';
import { parseConfig } from '../../src/config/config';
import { openDatabase } from '../../src/infra/database';
import { openRedis } from '../../src/infra/redis';
import { JobQueues } from '../../src/jobs/job-queues';
import { createSimulator } from '../../src/simulator/simulator';
import { createHotline } from '../fixtures/telephony.fixture';
import {
  insertCaseWithPerson,
  insertRule,
  insertUnit,
  seedOrganisations,
  storeReferral,
  webhookReceiver,
} from '../fixtures/referrals-world';

// npm run bench:soak [-- --seconds 120] — ten times a busy hour, for a bounded time.
// Busy hour assumed: 300 calls (the three hotlines together) and 30 referrals. Callers wait in
// the queue (no counsellor answers) and hang up after 20–120 s, so the wait loop runs all along.
// API, simulator and Twilio-side load share this process; the workers run in their own.
// Baseline in the same run: the first window with nothing happening.
function parseArgs(argv: string[]): { seconds: number; windowSeconds: number } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seconds = Number(get('seconds') ?? process.env.SOAK_SECONDS ?? 120);
  const windowSeconds = Number(get('window') ?? 10);
  if (!(seconds > 0) || !(windowSeconds > 0)) throw new Error('--seconds and --window must be > 0');
  return { seconds, windowSeconds };
}

const BUSY_HOUR = { calls: 300, referrals: 30 };
const FACTOR = 10;
const key = () => randomBytes(32).toString('base64');
const mb = (n: number) => (n / 1_048_576).toFixed(1);

async function main(): Promise<void> {
  const { seconds, windowSeconds } = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-soak-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: await freePort(),
    password: 'soak',
    database: 'soak',
  });
  const redisServer = await startLocalRedis({ dir: join(dir, 'redis'), port: await freePort() });
  const [apiPort, simPort] = [await freePort(), await freePort()];
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: pg.url,
    REDIS_URL: redisServer.url,
    REDIS_PREFIX: 'soak',
    PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
    TWILIO_API_BASE_URL: `http://127.0.0.1:${simPort}`,
    ENCRYPTION_KEYS: `k1:${key()}`,
    HMAC_KEY: key(),
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    COOKIE_SECURE: 'false',
  };
  const config = parseConfig(env);
  const database = openDatabase(pg.url, { max: 10 });
  const redis = openRedis(redisServer.url);
  const stores = { config, database };
  const queues = new JobQueues(redis, config.REDIS_PREFIX);
  let workers: ChildProcess | undefined;
  const closers: Array<() => Promise<unknown>> = [];
  try {
    await runMigrations(database);
    await seedOrganisations(stores);
    await createHotline(database.db);
    let secret = '';
    const partner = await webhookReceiver(() => secret, { delayMs: 50 });
    closers.push(partner.close);
    const unit = await insertUnit(stores, { webhookUrl: partner.url });
    secret = unit.secret;
    await insertRule(stores, { need: 'shelter', unitId: unit.id });

    const app = await buildApp({ config, db: database.db, sql: database.sql, redis });
    await app.listen({ host: '127.0.0.1', port: apiPort });
    closers.push(() => app.close());
    const sim = await createSimulator({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      serverBaseUrl: config.PUBLIC_BASE_URL,
      msPerSecond: 1000,
      playSeconds: 2,
      mobileAnswerSeconds: null,
      hotlineNumbers: { '1362': '+85621136200' },
    });
    await sim.app.listen({ host: '127.0.0.1', port: simPort });
    closers.push(async () => {
      for (const call of sim.engine.state.calls.values()) sim.engine.hangup(call);
      await sim.app.close();
    });
    workers = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const sample = async (label: string) => {
      const mem = process.memoryUsage();
      const info = await redis.info('memory');
      const used = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
      const row = {
        label,
        rssMb: mb(mem.rss),
        heapMb: mb(mem.heapUsed),
        redisKeys: await redis.dbsize(),
        redisMb: mb(used),
        loopP99Ms: (delay.percentile(99) / 1e6).toFixed(1),
        loopMaxMs: (delay.max / 1e6).toFixed(1),
      };
      delay.reset();
      console.log(
        Object.entries(row)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      );
      return row;
    };

    await new Promise((r) => setTimeout(r, windowSeconds * 1000));
    const baseline = await sample('baseline (idle)');

    const callEveryMs = 3_600_000 / (BUSY_HOUR.calls * FACTOR);
    const referralEveryMs = 3_600_000 / (BUSY_HOUR.referrals * FACTOR);
    console.log(
      `soak ${seconds}s: a call every ${callEveryMs.toFixed(0)} ms, a referral every ${referralEveryMs.toFixed(0)} ms`,
    );
    let placed = 0;
    let referrals = 0;
    const callTimer = setInterval(() => {
      placed++;
      sim.placeCall({
        hotline: '1362',
        from: `+8562088${String(100000 + placed).slice(-6)}`,
        digits: [placed % 2 ? '1' : '2'],
        hangupAfterSeconds: 20 + Math.floor(Math.random() * 100),
      });
    }, callEveryMs);
    const referralTimer = setInterval(() => {
      referrals++;
      void insertCaseWithPerson(stores)
        .then((p) => storeReferral(stores, queues, { ...p, needs: ['shelter'] }))
        .catch((err: unknown) => console.error('referral failed', err));
    }, referralEveryMs);
    const windows = [];
    for (let t = 0; t < seconds; t += windowSeconds) {
      await new Promise((r) => setTimeout(r, windowSeconds * 1000));
      windows.push(await sample(`t=${t + windowSeconds}s calls=${placed} referrals=${referrals}`));
    }
    clearInterval(callTimer);
    clearInterval(referralTimer);
    await new Promise((r) => setTimeout(r, 5000));
    const keys = new Set(partner.received.map((r) => r.idempotencyKey));
    const p99s = windows.map((w) => Number(w.loopP99Ms));
    const first = windows[0];
    const last = windows[windows.length - 1];
    console.log(
      `\nsummary: calls ${placed}, referrals ${referrals}, partner deliveries ${partner.received.length} (${keys.size} distinct keys)`,
    );
    console.log(
      `event-loop p99: baseline ${baseline.loopP99Ms} ms, worst window ${Math.max(...p99s).toFixed(1)} ms (target < 50 ms: ${Math.max(...p99s) < 50 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `heap: ${baseline.heapMb} MB idle, ${first?.heapMb} MB first window, ${last?.heapMb} MB last window; redis keys ${first?.redisKeys} → ${last?.redisKeys}, ${first?.redisMb} → ${last?.redisMb} MB`,
    );
  } finally {
    workers?.kill('SIGTERM');
    for (const close of closers.reverse()) await close().catch(() => {});
    await queues.close();
    redis.disconnect();
    await database.close();
    await redisServer.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
