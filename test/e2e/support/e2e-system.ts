import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Emitter } from '@socket.io/redis-emitter';
import { buildApp } from '../../../src/build-app';
import { createSimulator, type TSimulator } from '../../../src/simulator/simulator';
import { openRedis } from '../../../src/infra/redis';
import { jobContracts } from '../../../src/jobs/index';
import { JobQueues } from '../../../src/jobs/job-queues';
import { processors } from '../../../workers/processors/index';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import { seedReference } from '../../../db/seed/reference.seed';
import { seedDemo, type TDemoLogin } from '../../../db/seed/demo.seed';
import { seedPartners } from '../../../db/seed/partners.seed';
import { hotlines, secondFactorExemptions, type TStaffRole } from '../../../db/schema/index';
import { allWeek } from '../../fixtures/telephony.fixture';
import { captureLogs, type TLogCapture } from '../../support/test-app';
import { startOnFreePorts, type TPortChooser } from '../../support/port-retry';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { openBrowser, type TBrowser } from './browser';
import { buildWebOnce } from './web-build';

export type TE2eSystem = {
  baseURL: string;
  stores: TTestStores;
  app: FastifyInstance;
  /** Twilio's side: place calls, answer the counsellor's simulated softphone. */
  sim: TSimulator;
  browser: TBrowser;
  /** Demo users of every role with passwords made up for this run. */
  logins: TDemoLogin[];
  login: (username: string) => TDemoLogin;
  logs: TLogCapture;
  stop: () => Promise<void>;
};

export type TE2eOptions = {
  env?: Record<string, string>;
  /**
   * Roles exempted from the second factor, as an administrator would with a reason. Most browser
   * tests are about the desk or reports, not sign-in, so counsellors and statisticians sign in
   * with a password there; pass `[]` to test the default (every role enrols a second factor).
   */
  secondFactorExempt?: TStaffRole[];
  /** More Chromium flags, e.g. a fake microphone. */
  browserArgs?: string[];
  /**
   * The name the browser uses for the API. Passkeys need a domain (WebAuthn refuses an IP
   * address as the relying party), so passkey tests use 'localhost'.
   */
  host?: '127.0.0.1' | 'localhost';
  /** How ports are picked (a test of the rig hands out a taken one first). */
  choosePort?: TPortChooser;
};

/**
 * The real system on one machine for browser tests: the API serving the built web app, the
 * workers and the telephony simulator, each on free ports against this file's own stores.
 */
export async function startE2eSystem(options: TE2eOptions = {}): Promise<TE2eSystem> {
  await buildWebOnce();
  // A port taken by a parallel file between choosing and listening: started again on new ports.
  return startOnFreePorts(
    2,
    ([apiPort = 0, simulatorPort = 0]) => startSystemOn(apiPort, simulatorPort, options),
    { choosePort: options.choosePort },
  );
}

async function startSystemOn(
  apiPort: number,
  simulatorPort: number,
  options: TE2eOptions,
): Promise<TE2eSystem> {
  const baseURL = `http://${options.host ?? '127.0.0.1'}:${apiPort}`;
  const stores = await createTestStores({
    SERVE_WEB: 'true',
    PORT: String(apiPort),
    PUBLIC_BASE_URL: baseURL,
    SIMULATOR_PORT: String(simulatorPort),
    TWILIO_API_BASE_URL: `http://127.0.0.1:${simulatorPort}`,
    ...options.env,
  });
  const stops: Array<() => Promise<unknown>> = [];
  try {
    const { db, sql } = stores.database;
    await seedReference(db);
    const suffix = randomBytes(4).toString('hex');
    const logins = await seedDemo(db, (u) => `${u}-e2e-${suffix}`);
    await seedPartners(db);
    const admin = logins.find((l) => l.role === 'administrator');
    const [adminRow] = await sql<Array<{ id: string }>>`
      select id from staff_users where username = ${admin?.username ?? ''}`;
    for (const role of options.secondFactorExempt ?? ['counsellor', 'statistician']) {
      await db.insert(secondFactorExemptions).values({
        role,
        // Written in Lao, as an administrator here would: the Lao screens show it.
        reason: 'ການທົດສອບໃນບຣາວເຊີທີ່ບໍ່ກ່ຽວກັບການເຂົ້າສູ່ລະບົບ',
        createdBy: adminRow?.id ?? '',
      });
    }
    // The demo's real opening hours (1554 closes at 20:00 in Vientiane, on Sundays and holidays)
    // would make a test pass or fail with the time of day it runs: every line is open here, and a
    // test about closing (admin-hotlines) closes one itself.
    await db.update(hotlines).set({ openingHours: allWeek('00:00', '24:00') });

    const { capture, stream } = captureLogs();
    const config = Object.freeze({ ...stores.config, LOG_LEVEL: 'info' as const });
    const app = await buildApp({ config, db, sql, redis: stores.redis }, { logStream: stream });
    // Closed also when listening fails (the port taken meanwhile): the retry starts clean.
    stops.push(() => app.close());
    await app.listen({ host: '127.0.0.1', port: apiPort });
    if ((app.server.address() as AddressInfo).port !== apiPort) throw new Error('port moved');

    const sim = await createSimulator({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      serverBaseUrl: baseURL,
      allowOrigin: baseURL,
      // Real time, so a person-speed browser can answer; prompts kept short.
      msPerSecond: 1000,
      playSeconds: 0.2,
      mobileAnswerSeconds: null,
      hotlineNumbers: { '1362': '+85621136200', '1554': '+85621155400', '1512': '+85621151200' },
    });
    stops.push(() => sim.app.close());
    await sim.app.listen({ host: '127.0.0.1', port: simulatorPort });

    const workers = await startSystemWorkers(stores);
    stops.push(workers.close);

    const browser = await openBrowser(baseURL, options.browserArgs);
    stops.push(browser.close);

    return {
      baseURL,
      stores,
      app,
      sim,
      browser,
      logins,
      login: (username) => {
        const found = logins.find((l) => l.username === username);
        if (!found) throw new Error(`no demo login ${username}`);
        return found;
      },
      logs: capture,
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => {});
        await stores.cleanup();
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await stores.cleanup();
    throw err;
  }
}

async function startSystemWorkers(stores: TTestStores): Promise<TRunningWorkers> {
  const url = stores.config.REDIS_URL ?? '';
  const redis = openRedis(url, 'worker');
  redis.on('error', () => {});
  const queues = new JobQueues(openRedis(url, 'worker'), stores.config.REDIS_PREFIX);
  const emitter = new Emitter(redis, { key: `${stores.config.REDIS_PREFIX}:io` });
  const connection = openRedis(url, 'worker');
  const running = startWorkers({
    contracts: jobContracts,
    processors,
    connection,
    deps: {
      config: stores.config,
      db: stores.database.db,
      sql: stores.database.sql,
      redis,
      queues,
      emitter,
    },
  });
  return {
    workers: running.workers,
    close: async () => {
      await running.close();
      await queues.close();
      connection.disconnect();
      redis.disconnect();
    },
  };
}
