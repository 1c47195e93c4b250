import { fork } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'socket.io';
import { staffUsers } from '../../db/schema/index';
import { runMigrations } from '../../db/migrate';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { startLocalRedis } from '../../scripts/local/local-redis';
import { buildApp } from '../../src/build-app';
import { parseConfig } from '../../src/config/config';
import { openDatabase } from '../../src/infra/database';
import { openRedis } from '../../src/infra/redis';
import { createSession } from '../../src/modules/auth/session.repository';
import { seedChatChannels } from '../fixtures/chat.fixture';
import { createHotline } from '../fixtures/telephony.fixture';
import type { TUsersCommand, TUsersMessage } from './chat-bench.users';
import type { TCounsellorsMessage, TCounsellorsStart } from './routing-bench.counsellors';
import { cpuMs, machineCpuMs, percentile, sharedNow } from './routing-bench.stats';

type TReport = Extract<TCounsellorsMessage, { type: 'report' }>;

function describe(label: string, values: readonly number[]): string {
  const f = (p: number) => `${percentile(values, p).toFixed(1).padStart(8)} ms`;
  return `${label.padEnd(46)} n=${String(values.length).padStart(5)}  p50 ${f(50)}  p95 ${f(95)}  p99 ${f(99)}  max ${f(100)}`;
}

// npm run bench:chat — counsellors on real websockets (in a process of their own, as in
// bench:routing: routing-bench.counsellors.ts), open conversations each held by one of them
// (three per counsellor: every desk at its chat capacity), then inbound messages at RATE per
// second through the Conversations webhook, signed by the simulator as Twilio signs it (the
// simulator and its users in a process of their own too: chat-bench.users.ts).
// Measured per message: from the moment the simulated user's webhook is sent to the moment the
// assigned counsellor's socket receives the desk's own `chat:message` event, split in two: sent →
// stored (webhook, signature, dedupe, encryption, Postgres; the chat notifier fires) and stored →
// desk (the push and her socket). Beside it, in the same run, an empty Socket.IO round trip (a
// ping acknowledged by the server) and the machine's load average: the machine is shared.
// Figures only: no target is asserted. Reduced numbers for a loaded machine:
// CHAT_BENCH_COUNSELLORS, CHAT_BENCH_SECONDS, CHAT_BENCH_RATE.
const COUNSELLORS = Number(process.env.CHAT_BENCH_COUNSELLORS ?? 1000);
const CONVERSATIONS = COUNSELLORS * 3;
const RATE = Number(process.env.CHAT_BENCH_RATE ?? 100);
const SECONDS = Number(process.env.CHAT_BENCH_SECONDS ?? 30);
/** After the last post, how long the bench waits for the last deliveries (then: lost). */
const SETTLE_MS = 60_000;
/** A delivery slower than this is counted apart as late (e.g. kept in the journal, drained later). */
const LATE_MS = 5_000;
/** What the store before this one measured (issue #19), printed beside for comparison. */
const BASELINE =
  'the store before the group commit (one drizzle transaction per message), same harness, 2 shared cores at load 12-20: p99 1.3 s and 3.9 s message-to-desk (store p99 1.27 s and 3.87 s: a backlog), API 2.5-3.1 ms and Postgres 1.3 ms CPU per message; issue #19 had 8.7 s';

const key = () => randomBytes(32).toString('base64');

/** CPU (ms) of a Postgres server so far: its postmaster and every backend it forked (/proc). */
async function postgresCpuMs(dataDir: string): Promise<number> {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = await cpuMs(postmaster);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const stat = (() => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        return null; // gone meanwhile
      }
    })();
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (ppid === postmaster) total += await cpuMs(Number(pid)).catch(() => 0);
  }
  return total;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'saiduan-chat-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: await freePort(),
    password: 'bench',
    database: 'bench',
  });
  const redisServer = await startLocalRedis({ dir: join(dir, 'redis'), port: await freePort() });
  const [port, simPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const config = parseConfig({
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
    TWILIO_API_BASE_URL: `http://127.0.0.1:${simPort}`,
    COOKIE_SECURE: 'false',
    RATE_LIMIT_MAX: '1000000',
    ROUTING_WRAP_UP_MS: '0',
    ROUTING_OFFER_TIMEOUT_MS: '60000',
    // Its own journal: files another run left (sealed with that run's key) would block the drain.
    CHAT_JOURNAL_DIR: join(dir, 'chat-journal'),
  });
  const database = openDatabase(pg.url, { max: 10 });
  const redis = openRedis(redisServer.url, 'worker');
  const closers: Array<() => Promise<unknown>> = [];
  try {
    await runMigrations(database);
    await createHotline(database.db, { languages: ['lo'] });
    await seedChatChannels(database.db);
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
      await database.db.insert(staffUsers).values(staff.slice(i, i + 500));

    const app = await buildApp({ config, db: database.db, sql: database.sql, redis });
    // When each message's webhook reached the API's handler (body parsed, before the signature
    // check and the store): splits the simulator and HTTP from the store.
    const arrivedAt = new Map<string, number>();
    app.addHook('preHandler', async (request) => {
      const body = request.body as { Body?: unknown } | undefined;
      if (typeof body?.Body === 'string') arrivedAt.set(body.Body, sharedNow());
    });
    await app.listen({ host: '127.0.0.1', port });
    closers.push(() => app.close());
    // Twilio and the WhatsApp users, in a process of their own (chat-bench.users.ts).
    const users = fork(new URL('./chat-bench.users.ts', import.meta.url).pathname, {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const usersSay = (command: TUsersCommand) =>
      new Promise<TUsersMessage>((resolve) => {
        users.once('message', resolve);
        users.send(command);
      });
    closers.unshift(async () => {
      users.send({ type: 'stop' } satisfies TUsersCommand);
      await new Promise((r) => users.once('exit', r));
    });
    await usersSay({
      type: 'start',
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      base,
      simPort,
    });

    // Untyped: the bench's own ping is not in the realtime contract.
    const io = app.services.io as unknown as Server;
    // The empty round trip: a ping the server acknowledges at once, on the same sockets.
    io.on('connection', (s) => s.on('bench:ping', (ack: () => void) => ack()));
    // When each message was stored (the chat notifier fires once it is kept, exactly once).
    const storedAt = new Map<string, number>();
    const notices = { all: 0, unheld: 0 };
    app.chat.notices.onMessage((notice) => {
      notices.all++;
      if (!notice.assignedTo) notices.unheld++;
      storedAt.set(notice.message.text, sharedNow());
    });

    // Counsellors, in a process of their own: each accepts every chat offered to her.
    const cookies = await Promise.all(
      staff.map(async (s) => `sid=${await createSession({ redis, config }, s.id)}`),
    );
    const child = fork(new URL('./routing-bench.counsellors.ts', import.meta.url).pathname, {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    closers.unshift(async () => {
      child.send({ type: 'stop' });
      await new Promise((r) => child.once('exit', r));
      // The API hears the sockets go (presence) before its Redis is closed under it.
      await new Promise((r) => setTimeout(r, 2000));
    });
    let reported: ((m: TReport) => void) | null = null;
    const ready = new Promise<number>((resolve) =>
      child.on('message', (m: TCounsellorsMessage) => {
        if (m.type === 'ready') resolve(m.connectMs);
        else if (m.type === 'report') reported?.(m);
      }),
    );
    const report = () =>
      new Promise<TReport>((resolve) => {
        reported = resolve;
        child.send({ type: 'report' });
      });
    const start: TCounsellorsStart = {
      type: 'start',
      base,
      authToken: config.TWILIO_AUTH_TOKEN,
      cookies,
      callMs: 0,
      mode: 'chats',
    };
    child.send(start);
    console.log(
      `${COUNSELLORS} counsellors connected and available in ${((await ready) / 1000).toFixed(1)} s`,
    );

    // Open conversations, each offered to and accepted by a counsellor.
    const numbers = Array.from({ length: CONVERSATIONS }, (_, i) => `+66${String(800000000 + i)}`);
    const openStart = performance.now();
    await usersSay({ type: 'open', users: numbers });
    const assigned = async () =>
      database.sql<Array<{ id: string }>>`select id from chat_conversations where state = 'active'`;
    let held = 0;
    for (let i = 0; i < 600; i++) {
      held = (await assigned()).length;
      if (held >= CONVERSATIONS) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log(
      `${held} of ${CONVERSATIONS} conversations open and held by a counsellor in ${((performance.now() - openStart) / 1000).toFixed(1)} s`,
    );

    // The measured phase: RATE messages a second into random open conversations, pings beside.
    await report(); // what came before is not measured
    const loadBefore = loadavg();
    const machineFrom = await machineCpuMs();
    const pgCommits = async () =>
      Number(
        (
          await database.sql<Array<{ n: string }>>`
            select xact_commit::text as n from pg_stat_database where datname = current_database()`
        )[0]?.n,
      );
    const commitsFrom = await pgCommits();
    const pgCpuFrom = await postgresCpuMs(join(dir, 'pg'));
    const apiFrom = await cpuMs(process.pid);
    const usersFrom = await cpuMs(users.pid as number);
    const total = RATE * SECONDS;
    const t0 = performance.now();
    const sent = (await usersSay({ type: 'send', users: numbers, rate: RATE, total })) as Extract<
      TUsersMessage,
      { type: 'sent' }
    >;
    const sentAt = new Map(sent.sentAt);
    const postedIn = sent.postedInMs / 1000;
    const received = new Map<string, number[]>();
    const gather = (r: TReport) => {
      for (const [text, at] of r.chatMessages ?? []) {
        if (!sentAt.has(text)) continue;
        const list = received.get(text);
        if (list) list.push(at);
        else received.set(text, [at]);
      }
    };
    const rtts: number[] = [];
    const settleUntil = performance.now() + SETTLE_MS;
    do {
      await new Promise((r) => setTimeout(r, 500));
      const r = await report();
      gather(r);
      rtts.push(...(r.pingMs ?? []));
    } while (performance.now() < settleUntil && received.size < total);
    const machine = await machineCpuMs();
    const pgCpu = (await postgresCpuMs(join(dir, 'pg'))) - pgCpuFrom;
    // Backends report their counters at most once a second.
    await new Promise((r) => setTimeout(r, 1500));
    const commits = (await pgCommits()) - commitsFrom;
    const apiCpu = (await cpuMs(process.pid)) - apiFrom;
    const usersCpu = (await cpuMs(users.pid as number)) - usersFrom;
    const loadAfter = loadavg();

    const latencies: number[] = [];
    const toArrive: number[] = [];
    const toStore: number[] = [];
    const toDesk: number[] = [];
    let lost = 0;
    let duplicated = 0;
    let late = 0;
    for (const [text, sent] of sentAt) {
      const got = received.get(text);
      if (!got) lost++;
      else {
        const first = got[0] as number;
        if (got.length > 1) duplicated++;
        if (first - sent > LATE_MS) late++;
        latencies.push(first - sent);
        const stored = storedAt.get(text);
        const arrived = arrivedAt.get(text);
        if (stored !== undefined && arrived !== undefined) {
          toArrive.push(arrived - sent);
          toStore.push(stored - arrived);
          toDesk.push(first - stored);
        }
      }
    }
    const [stored] = await database.sql<Array<{ n: number; distinct_n: number }>>`
      select count(*)::int as n, count(distinct provider_message_id)::int as distinct_n
      from chat_messages where direction = 'inbound'`;
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
    const busy = ((machine.busy - machineFrom.busy) / (machine.total - machineFrom.total)) * 100;
    console.log(
      `\n${total} messages at ${RATE}/s (posted in ${postedIn.toFixed(1)} s) into ${held} open conversations, ${COUNSELLORS} counsellors`,
    );
    console.log(describe('message-to-desk (webhook sent → her socket)', latencies));
    console.log(describe('  simulator, HTTP → API handler', toArrive));
    console.log(describe('  handler → stored (signature, store)', toStore));
    console.log(describe('  stored → her socket (push)', toDesk));
    console.log(describe('empty Socket.IO round trip, same run', rtts));
    console.log(`baseline (last run before this one): ${BASELINE}`);
    console.log(
      `lost ${lost}, delivered twice ${duplicated}, late (over ${LATE_MS / 1000} s) ${late}`,
    );
    console.log(
      `chat notifier fired ${notices.all} times (${notices.unheld} for a conversation nobody held: opening messages)`,
    );
    console.log(
      `inbound messages stored: ${stored?.n ?? 0} (${stored?.distinct_n ?? 0} distinct provider ids; expected ${CONVERSATIONS + total})`,
    );
    console.log(
      `per inbound message: API CPU ${(apiCpu / total).toFixed(2)} ms, Postgres CPU ${(pgCpu / total).toFixed(2)} ms, Postgres transactions ${(commits / total).toFixed(2)} (all of the API's, sweeps included)`,
    );
    console.log(
      `machine: ${cpus().length} cores, SHARED with other work during the run; load average before ${load(loadBefore)}, after ${load(loadAfter)}; busy ${busy.toFixed(0)}% of all cores; API process ${((apiCpu / (performance.now() - t0)) * 100).toFixed(0)}% of one core, Twilio stand-in and users ${((usersCpu / (performance.now() - t0)) * 100).toFixed(0)}%`,
    );
  } finally {
    for (const close of closers) await close().catch(() => {});
    redis.disconnect();
    await database.sql.end({ timeout: 5 }).catch(() => {});
    await redisServer.stop().catch(() => {});
    await pg.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
