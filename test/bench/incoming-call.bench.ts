import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import twilio from 'twilio';
import { hotlines } from '../../db/schema/index';
import { runMigrations } from '../../db/migrate';
import { openDatabase } from '../../src/infra/database';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { startLocalRedis } from '../../scripts/local/local-redis';
import { cpuMs } from './routing-bench.stats';

// npm run bench:incoming-call — the incoming-call webhook (signature, validation, Postgres write
// of the call and its raw event, block-list lookup, Redis queue entry, TwiML) against two
// baselines in a process of their own, same machine, same run: a bare Fastify route, and a
// same-work route (the same Twilio signature check, one Redis EVAL, one Postgres insert, a fixed
// TwiML; incoming-call-bare.server.ts).
// BENCH_DURATION_S shortens a run; BENCH_CPU_PROF=<dir> writes the API process's CPU profile there.
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CPU_PROF = process.env.BENCH_CPU_PROF;
const CONNECTIONS = 20;
const FIXED_RATE = 200;

const key = () => randomBytes(32).toString('base64');
const say = (line: string) => process.stdout.write(`${line}\n`);

function start(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp | null,
  url?: string,
): Promise<ChildProcess> {
  const prof =
    CPU_PROF && args[0] === 'src/server.ts' ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    if (ready) child.stdout?.on('data', (d: Buffer) => ready.test(d.toString()) && resolve(child));
    else
      void (async () => {
        for (let i = 0; i < 300; i++) {
          if (
            await fetch(url as string).then(
              (r) => r.ok,
              () => false,
            )
          )
            return resolve(child);
          await new Promise((r) => setTimeout(r, 100));
        }
        reject(new Error('API did not become ready'));
      })();
  });
}

/** Pre-signed webhook bodies, one fresh CallSid each, so the client spends no time signing. */
function signedRequests(
  base: string,
  token: string,
  count: number,
  hotline: string,
  path = `/webhooks/twilio/voice/incoming?hotline=${hotline}`,
) {
  return Array.from({ length: count }, (_, i) => {
    const params = {
      CallSid: `CA${randomBytes(16).toString('hex')}`,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: `+85620${String(10_000_000 + i).slice(-8)}`,
      To: '+85621136200',
      CallStatus: 'ringing',
      Direction: 'inbound',
    };
    return {
      body: new URLSearchParams(params).toString(),
      signature: twilio.getExpectedTwilioSignature(token, base + path, params),
      path,
    };
  });
}

async function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * One run, and the CPU the serving process spent per request in it (from /proc): throughput
 * shares the machine with whoever else runs on it, CPU per request much less so.
 */
async function measured(
  pid: number | undefined,
  opts: autocannon.Options,
): Promise<autocannon.Result & { cpuMsPerRequest: number }> {
  const from = await cpuMs(pid ?? 0);
  const result = await run(opts);
  const used = (await cpuMs(pid ?? 0)) - from;
  return { ...result, cpuMsPerRequest: used / Math.max(1, result.requests.total) };
}

function line(label: string, r: autocannon.Result): string {
  const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
  return `${label.padEnd(34)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${errors}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-incoming-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: await freePort(),
    password: 'bench',
    database: 'bench',
  });
  const redis = await startLocalRedis({ dir: join(dir, 'redis'), port: await freePort() });
  const [apiPort, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${apiPort}`;
  const token = randomBytes(16).toString('hex');
  const children: ChildProcess[] = [];
  try {
    const db = openDatabase(pg.url, { max: 2 });
    await runMigrations(db);
    const open = {
      weekly: Object.fromEntries(
        ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]),
      ),
      holidays: [],
    };
    // 1362, one language: the incoming webhook goes straight to the queue (Redis entry +
    // <Enqueue>). 1554, two languages: it answers with the language menu.
    await db.db.insert(hotlines).values([
      {
        number: '1362',
        nameLo: '1362',
        nameEn: '1362',
        phoneNumber: '+85621136200',
        languages: ['lo'],
        openingHours: open,
      },
      {
        number: '1554',
        nameLo: '1554',
        nameEn: '1554',
        phoneNumber: '+85621155400',
        languages: ['lo', 'en'],
        openingHours: open,
      },
    ]);
    await db.close();

    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(apiPort),
      PUBLIC_BASE_URL: base,
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'bench',
      ENCRYPTION_KEYS: `k1:${key()}`,
      HMAC_KEY: key(),
      TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
      TWILIO_AUTH_TOKEN: token,
      COOKIE_SECURE: 'false',
    };
    children.push(await start(['src/server.ts'], env, null, `${base}/readyz`));
    children.push(
      await start(
        ['test/bench/incoming-call-bare.server.ts', String(barePort)],
        {
          PATH: process.env.PATH,
          BENCH_REDIS_URL: redis.url,
          BENCH_DATABASE_URL: pg.url,
          BENCH_TWILIO_TOKEN: token,
        },
        /ready/,
      ),
    );

    const signedBy = {
      '1362': signedRequests(base, token, 100_000, '1362'),
      '1554': signedRequests(base, token, 100_000, '1554'),
    };
    const signed = signedBy['1362'];
    let next = 0;
    const incoming = (
      extra: Partial<autocannon.Options>,
      hotline: '1362' | '1554' = '1362',
    ): autocannon.Options => ({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const list = signedBy[hotline];
            const s = list[next++ % list.length] as (typeof list)[number];
            return {
              ...req,
              path: s.path,
              body: s.body,
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'x-twilio-signature': s.signature,
              },
            };
          },
        },
      ],
      ...extra,
    });
    const sameWorkBase = `http://127.0.0.1:${barePort}`;
    const sameWorkSigned = signedRequests(
      sameWorkBase,
      token,
      100_000,
      '1362',
      '/same-work?hotline=1362',
    );
    let nextSameWork = 0;
    const sameWork = (extra: Partial<autocannon.Options>): autocannon.Options => ({
      url: sameWorkBase,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const s = sameWorkSigned[
              nextSameWork++ % sameWorkSigned.length
            ] as (typeof sameWorkSigned)[number];
            return {
              ...req,
              path: s.path,
              body: s.body,
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'x-twilio-signature': s.signature,
              },
            };
          },
        },
      ],
      ...extra,
    });
    const bare = (extra: Partial<autocannon.Options>): autocannon.Options => ({
      url: `http://127.0.0.1:${barePort}/bare`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: signed[0]?.body ?? '',
      ...extra,
    });

    say('warming up…');
    await run({ ...incoming({}, '1554'), duration: 3 });
    await run({ ...bare({}), duration: 3 });
    await run({ ...sameWork({}), duration: 3 });

    say(`\nmaximum throughput (${CONNECTIONS} connections, ${DURATION_S} s each)`);
    const bareMax = await run(bare({}));
    say(line('bare Fastify route', bareMax));
    const healthMax = await run({
      url: `${base}/healthz`,
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    say(line('API process GET /healthz', healthMax));
    const menuMax = await run(incoming({}, '1554'));
    say(line('incoming webhook → language menu', menuMax));
    say(
      `ratio menu webhook / bare: ${(menuMax.requests.average / bareMax.requests.average).toFixed(3)}`,
    );
    const sameWorkMax = await measured(children[1]?.pid, sameWork({}));
    say(line('same-work baseline', sameWorkMax));
    const incomingMax = await measured(children[0]?.pid, incoming({}));
    say(line('incoming webhook → queue entry', incomingMax));
    const cpuRatio = sameWorkMax.cpuMsPerRequest / incomingMax.cpuMsPerRequest;
    say(
      `CPU per request: webhook ${incomingMax.cpuMsPerRequest.toFixed(3)} ms, same-work baseline ${sameWorkMax.cpuMsPerRequest.toFixed(3)} ms; ratio ${cpuRatio.toFixed(3)} (what the throughput ratio would be with a core each)`,
    );
    say(
      `ratio webhook / bare: ${(incomingMax.requests.average / bareMax.requests.average).toFixed(3)}`,
    );
    say(
      `ratio webhook / same-work baseline: ${(incomingMax.requests.average / sameWorkMax.requests.average).toFixed(3)} (target ≥ 0.5)`,
    );

    say(`\nfixed rate ${FIXED_RATE} calls/s (${DURATION_S} s)`);
    const bareFixed = await run(bare({ overallRate: FIXED_RATE, connections: 10 }));
    say(line(`bare Fastify @ ${FIXED_RATE}/s`, bareFixed));
    const sameWorkFixed = await run(sameWork({ overallRate: FIXED_RATE, connections: 10 }));
    say(line(`same-work baseline @ ${FIXED_RATE}/s`, sameWorkFixed));
    const menuFixed = await run(incoming({ overallRate: FIXED_RATE, connections: 10 }, '1554'));
    say(line(`incoming → menu @ ${FIXED_RATE}/s`, menuFixed));
    const incomingFixed = await run(incoming({ overallRate: FIXED_RATE, connections: 10 }));
    say(line(`incoming → queue @ ${FIXED_RATE}/s`, incomingFixed));
    say(`p99 at ${FIXED_RATE} calls/s: ${incomingFixed.latency.p99} ms (target < 20 ms)`);
    say(
      `\nsummary: webhook ${incomingMax.requests.average.toFixed(0)} req/s = ${(incomingMax.requests.average / sameWorkMax.requests.average).toFixed(2)} of the same-work baseline's ${sameWorkMax.requests.average.toFixed(0)} (target ≥ 0.5), by CPU per request ${cpuRatio.toFixed(2)}, bare Fastify ${bareMax.requests.average.toFixed(0)}; p99 at ${FIXED_RATE}/s: webhook ${incomingFixed.latency.p99} ms (target < 20), same-work ${sameWorkFixed.latency.p99} ms, bare ${bareFixed.latency.p99} ms; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    // Let the API finish its shutdown before its stores go away (bounded).
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await redis.stop().catch(() => {});
    await pg.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

// Bounded: a stuck store or child must not hang the run (warm-up, 9 runs, start and stop).
const limit = setTimeout(
  () => {
    process.stderr.write('bench:incoming-call took too long; stopping\n');
    process.exit(1);
  },
  (DURATION_S * 10 + 180) * 1000,
);
limit.unref();
await main();
