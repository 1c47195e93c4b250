import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../scripts/local/free-port';
import { startLocalRedis, type TLocalRedis } from '../../../scripts/local/local-redis';
import { openDatabase } from '../../../src/infra/database';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { parseTwiml } from '../../../src/simulator/twiml-parser';
import { createHotline, newCallSid, postSigned } from '../../fixtures/telephony.fixture';
import {
  eventually,
  heard,
  heardPrompt,
  startTelephonyRig,
} from '../../fixtures/simulator.fixture';
import { createTestStores } from '../../support/test-stores';
import { buildTestApp } from '../../support/test-app';

const CALLER = '+8562055512345';
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** Refuses new connections to one database and ends the open ones: Postgres is "down" for the app. */
async function setDatabaseReachable(databaseUrl: string, reachable: boolean): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`alter database ${name} with allow_connections ${reachable}`);
  if (!reachable)
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
  await admin.end();
}

describe('with Postgres down', () => {
  it('calls are still answered and queued, and recorded once Postgres is back', async () => {
    const rig = await startTelephonyRig({
      seed: ({ database }) => createHotline(database.db).then(() => {}),
    });
    cleanups.push(async () => {
      await setDatabaseReachable(rig.stores.config.DATABASE_URL as string, true);
      await rig.close();
    });
    await setDatabaseReachable(rig.stores.config.DATABASE_URL as string, false);

    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['2'] });
    await eventually(() => heard(call, 'request', '/voice/wait').length > 0);
    expect(heard(call, 'application-error')).toHaveLength(0);
    // The last-known settings still offered the language menu and took the caller's choice.
    expect(heard(call, 'digits', '2')).toHaveLength(1);
    expect(
      await waitingQueue(rig.stores.redis, rig.stores.config.REDIS_PREFIX).position(
        call.sid,
        '1362',
      ),
    ).toBe(1);
    rig.sim.engine.hangup(call);
    await eventually(() => call.status === 'completed');

    await setDatabaseReachable(rig.stores.config.DATABASE_URL as string, true);
    const calls = callsRepository(rig.stores.database.db);
    const row = await eventually(async () => {
      const r = await calls.findCall(call.sid).catch(() => null);
      return r?.status === 'completed' && r.queueResult ? r : undefined;
    }, 20_000);
    expect(row.needsReconciliation).toBe(true);
    expect(row.language).toBe('en');
    expect(row.fromHash).toBeTruthy();
    const kinds = (await calls.eventsOf(call.sid)).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['incoming', 'language', 'wait', 'queue-result', 'status']),
    );
  });
});

describe('with Redis down', () => {
  async function ownRedis(): Promise<{ dir: string; port: number; server: TLocalRedis }> {
    const dir = mkdtempSync(join(tmpdir(), 'saiduan-redis-fault-'));
    const port = await freePort();
    const server = await startLocalRedis({ dir, port });
    return { dir, port, server };
  }

  it('with no duty mobile, Twilio holds the caller and the Redis queue is rebuilt when Redis returns', async () => {
    const redis = await ownRedis();
    const rig = await startTelephonyRig({
      redisUrl: redis.server.url,
      seed: ({ database }) => createHotline(database.db, { dutyMobile: null }).then(() => {}),
    });
    let restarted: TLocalRedis | null = null;
    cleanups.push(async () => {
      await rig.close();
      await restarted?.stop();
      rmSync(redis.dir, { recursive: true, force: true });
    });
    redis.server.process.kill('SIGKILL');
    await eventually(
      () => redis.server.process.exitCode !== null || redis.server.process.signalCode !== null,
    );

    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['1'] });
    await eventually(() => heard(call, 'request', '/voice/wait').length >= 2);
    expect(heard(call, 'enqueue', 'hotline-1362')).toHaveLength(1);
    expect(heard(call, 'application-error')).toHaveLength(0);
    // Position comes from Twilio's own count while Redis is away.
    expect(heardPrompt(call, '/lo/position.wav').length).toBeGreaterThan(0);
    expect(rig.lifecycle.some((e) => e.event === 'caller.queued')).toBe(false);

    restarted = await startLocalRedis({ dir: redis.dir, port: redis.port });
    const queued = await eventually(
      () => rig.lifecycle.find((e) => e.event === 'caller.queued'),
      20_000,
    );
    expect(queued.payload).toMatchObject({ callSid: call.sid, hotline: '1362', language: 'lo' });
    const row = await callsRepository(rig.stores.database.db).findCall(call.sid);
    expect(row?.route).toBe('queued');
    rig.sim.engine.hangup(call);
  });

  it('with a duty mobile, the caller is forwarded to it', async () => {
    const redis = await ownRedis();
    const rig = await startTelephonyRig({
      redisUrl: redis.server.url,
      seed: ({ database }) =>
        createHotline(database.db, { dutyMobile: '+8562055501362' }).then(() => {}),
    });
    cleanups.push(async () => {
      await rig.close();
      rmSync(redis.dir, { recursive: true, force: true });
    });
    await redis.server.stop();

    const call = rig.sim.placeCall({ hotline: '1362', from: CALLER, digits: ['1'] });
    const ring = await eventually(() =>
      [...rig.sim.engine.state.rings.values()].find((r) => r.parentCallSid === call.sid),
    );
    expect(ring.target).toBe('+8562055501362');
    expect(heard(call, 'enqueue')).toHaveLength(0);
    expect((await callsRepository(rig.stores.database.db).findCall(call.sid))?.route).toBe(
      'forwarded-fallback',
    );
    rig.sim.engine.hangup(call);
  });
});

describe('with Postgres hanging (accepts connections, never answers)', () => {
  it('the incoming webhook still answers with TwiML that queues the caller', async () => {
    const sockets: Socket[] = [];
    const blackhole: Server = createServer((s) => void sockets.push(s));
    const port = await freePort();
    await new Promise<void>((r) => blackhole.listen(port, '127.0.0.1', r));
    const stores = await createTestStores({ WEBHOOK_DEADLINE_MS: '600' });
    const hanging = openDatabase(`postgres://u:p@127.0.0.1:${port}/none`, { max: 2 });
    const { app } = await buildTestApp({ ...stores, database: hanging });
    cleanups.push(async () => {
      await app.close();
      sockets.forEach((s) => s.destroy());
      blackhole.close();
      await stores.cleanup();
    });

    const response = await postSigned(app, {
      path: '/webhooks/twilio/voice/incoming?hotline=1362',
      params: { CallSid: newCallSid(), From: CALLER, To: '+85621136200' },
      token: stores.config.TWILIO_AUTH_TOKEN,
      baseUrl: stores.config.PUBLIC_BASE_URL,
    });
    expect(response.statusCode).toBe(200);
    const doc = parseTwiml(response.body);
    expect(doc.children.map((c) => c.name)).toContain('Enqueue');
  });
});
