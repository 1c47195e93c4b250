import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { staffUsers } from '../../db/schema/index';
import { runMigrations } from '../../db/migrate';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { startLocalRedis } from '../../scripts/local/local-redis';
import { buildApp } from '../../src/build-app';
import { parseConfig } from '../../src/config/config';
import { rooms } from '../../src/contracts/realtime';
import { openDatabase } from '../../src/infra/database';
import { openRedis } from '../../src/infra/redis';
import { createSession } from '../../src/modules/auth/session.repository';
import { createSimulator } from '../../src/simulator/simulator';
import { seedChatChannels } from '../fixtures/chat.fixture';
import { createHotline } from '../fixtures/telephony.fixture';
import { pool } from './routing-bench.http';
import { percentile } from './routing-bench.stats';

// npm run bench:chat — counsellors on real websockets, open conversations each held by one of
// them (three per counsellor: every desk at its chat capacity), then inbound messages at RATE
// per second through the Conversations webhook, signed by the simulator as Twilio signs it.
// Measured per message: from the moment the simulated user's webhook is sent to the moment the
// assigned counsellor's socket receives it. The desk has no live chat-message event yet (another
// branch adds it): the bench's stand-in subscribes to the chat module's notifier (fired once the
// message is stored exactly once and routed) and emits to the counsellor's user room, which is
// what that event will do. Beside it, in the same run, an empty Socket.IO round trip (a ping
// acknowledged by the server). Figures only: no target is asserted. Reduced numbers for a loaded
// machine: CHAT_BENCH_COUNSELLORS, CHAT_BENCH_SECONDS, CHAT_BENCH_RATE.
const COUNSELLORS = Number(process.env.CHAT_BENCH_COUNSELLORS ?? 1000);
const CONVERSATIONS = COUNSELLORS * 3;
const RATE = Number(process.env.CHAT_BENCH_RATE ?? 100);
const SECONDS = Number(process.env.CHAT_BENCH_SECONDS ?? 30);
/** After the last post, how long the bench waits for the last deliveries (then: lost). */
const SETTLE_MS = 60_000;
/** A delivery slower than this is counted apart as late (e.g. kept in the journal, drained later). */
const LATE_MS = 5_000;

const key = () => randomBytes(32).toString('base64');
const ms = (v: number) => `${v.toFixed(1)} ms`;

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
  const sockets: Socket[] = [];
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
    await app.listen({ host: '127.0.0.1', port });
    closers.push(() => app.close());
    const sim = await createSimulator({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      serverBaseUrl: base,
      mobileAnswerSeconds: null,
      hotlineNumbers: { '1362': '+85621136200' },
    });
    await sim.app.listen({ host: '127.0.0.1', port: simPort });
    closers.unshift(() => sim.app.close());

    // Untyped: the bench's own two events are not in the realtime contract.
    const io = app.services.io as unknown as Server;
    // The empty round trip: a ping the server acknowledges at once, on the same sockets.
    io.on('connection', (s) => s.on('bench:ping', (ack: () => void) => ack()));
    // Stand-in for the desk's chat-message event (see the top): stored, routed, emitted to her room.
    const holder = new Map<string, string>();
    const notices = { all: 0, unheld: 0 };
    app.chat.notices.onMessage((notice) => {
      notices.all++;
      const userId = holder.get(notice.conversationId);
      if (!userId) notices.unheld++;
      if (userId) io.to(rooms.user(userId)).emit('bench:chat-message', notice.message.text);
    });

    // Counsellors: each accepts every chat offered to her (up to her capacity of three).
    const received = new Map<string, number[]>();
    const cookies = await Promise.all(
      staff.map(async (s) => `sid=${await createSession({ redis, config }, s.id)}`),
    );
    const connectStart = performance.now();
    await pool(cookies, 50, async (cookie) => {
      const socket = connect(base, {
        transports: ['websocket'],
        extraHeaders: { cookie, origin: base },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      socket.on('call:offered', (offer: { offerId: string }) => {
        socket.emit('call:accept', { offerId: offer.offerId }, () => {});
      });
      socket.on('bench:chat-message', (text: string) => {
        const at = performance.now();
        const list = received.get(text);
        if (list) list.push(at);
        else received.set(text, [at]);
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('state:snapshot', () => resolve());
        socket.once('connect_error', reject);
      });
      await socket.emitWithAck('presence:set', { state: 'available' });
    });
    console.log(
      `${COUNSELLORS} counsellors connected and available in ${((performance.now() - connectStart) / 1000).toFixed(1)} s`,
    );

    // Open conversations, each offered to and accepted by a counsellor.
    const users = Array.from({ length: CONVERSATIONS }, (_, i) => `+66${String(800000000 + i)}`);
    const refs = new Map<string, string>();
    const openStart = performance.now();
    await pool(users, 20, async (from) => {
      const sent = await sim.chat.userWrites({
        hotline: '1362',
        channel: 'whatsapp',
        from,
        text: 'hello',
      });
      refs.set(from, sent.conversationSid);
    });
    const assigned = async () =>
      database.sql<Array<{ id: string; assigned_to: string }>>`
        select id, assigned_to from chat_conversations where state = 'active'`;
    for (let i = 0; i < 600; i++) {
      if ((await assigned()).length >= CONVERSATIONS) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const row of await assigned()) holder.set(row.id, row.assigned_to);
    console.log(
      `${holder.size} of ${CONVERSATIONS} conversations open and held by a counsellor in ${((performance.now() - openStart) / 1000).toFixed(1)} s`,
    );

    // The measured phase: RATE messages a second into random open conversations, pings beside.
    const total = RATE * SECONDS;
    const sentAt = new Map<string, number>();
    const rtts: number[] = [];
    let pinging = true;
    const pinger = (async () => {
      while (pinging) {
        const socket = sockets[Math.floor(Math.random() * sockets.length)] as Socket;
        const t0 = performance.now();
        await socket.emitWithAck('bench:ping');
        rtts.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const start = performance.now();
    const messages = Array.from({ length: total }, (_, i) => i);
    let posted = 0;
    await pool(messages, 100, async (i) => {
      const due = start + (posted++ * 1000) / RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const from = users[Math.floor(Math.random() * users.length)] as string;
      const text = `m${i}`;
      sentAt.set(text, performance.now());
      await sim.chat.userWrites({ hotline: '1362', channel: 'whatsapp', from, text });
    });
    const postedIn = (performance.now() - start) / 1000;
    const settleUntil = performance.now() + SETTLE_MS;
    while (performance.now() < settleUntil && received.size < total)
      await new Promise((r) => setTimeout(r, 100));
    pinging = false;
    await pinger;

    const latencies: number[] = [];
    let lost = 0;
    let duplicated = 0;
    let late = 0;
    for (const [text, t0] of sentAt) {
      const got = received.get(text);
      if (!got) lost++;
      else {
        if (got.length > 1) duplicated++;
        if ((got[0] as number) - t0 > LATE_MS) late++;
        latencies.push((got[0] as number) - t0);
      }
    }
    const [stored] = await database.sql<Array<{ n: number; distinct_n: number }>>`
      select count(*)::int as n, count(distinct provider_message_id)::int as distinct_n
      from chat_messages where direction = 'inbound'`;
    latencies.sort((a, b) => a - b);
    rtts.sort((a, b) => a - b);
    console.log(
      `\n${total} messages at ${RATE}/s (posted in ${postedIn.toFixed(1)} s) into ${holder.size} open conversations, ${COUNSELLORS} counsellors`,
    );
    console.log(
      `message-to-desk (webhook sent → her socket receives it): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? 0)}`,
    );
    console.log(
      `empty Socket.IO round trip, same run (${rtts.length} pings): p50 ${ms(percentile(rtts, 50))}, p99 ${ms(percentile(rtts, 99))}`,
    );
    console.log(
      `lost ${lost}, delivered twice ${duplicated}, late (over ${LATE_MS / 1000} s) ${late}`,
    );
    console.log(
      `chat notifier fired ${notices.all} times (${notices.unheld} for a conversation nobody held: opening messages)`,
    );
    console.log(
      `inbound messages stored: ${stored?.n ?? 0} (${stored?.distinct_n ?? 0} distinct provider ids; expected ${CONVERSATIONS + total})`,
    );
  } finally {
    for (const s of sockets) s.close();
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
