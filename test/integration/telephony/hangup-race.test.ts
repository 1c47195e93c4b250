import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFromConfig } from '../../../src/modules/crypto/keyring';
import { hotlineSettingsRepository } from '../../../src/modules/hotlines/hotline-settings.repository';
import {
  waitingQueue,
  type TWaitingQueue,
} from '../../../src/modules/routing/waiting-queue.repository';
import { createCallLifecycle } from '../../../src/modules/voice/call-lifecycle.events';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { reconciliationBuffer } from '../../../src/modules/voice/calls/reconciliation-buffer';
import { incomingCall } from '../../../src/modules/voice/voice-intake.service';
import { statusReceived } from '../../../src/modules/voice/voice-status.service';
import { ivrUrls, type TVoiceDeps } from '../../../src/modules/voice/voice.context';
import { createHotline, newCallSid } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';

/**
 * A new call goes to Postgres first, then into the Redis queue. A caller who hangs up in
 * between (Twilio's status callback lands on another request) must not be left waiting in
 * Redis: a counsellor would be offered a call that is already over.
 */
let stores: TTestStores;
let queue: TWaitingQueue;
let deps: TVoiceDeps;
/** Runs once, at the moment the incoming webhook is about to enter the Redis queue. */
let betweenPostgresAndRedis: (() => Promise<void>) | null = null;

beforeAll(async () => {
  stores = await createTestStores();
  // One language: the incoming webhook queues the caller at once (no menu).
  await createHotline(stores.database.db, { languages: ['lo'] });
  const prefix = `${stores.config.REDIS_PREFIX}:race`;
  queue = waitingQueue(stores.redis, prefix);
  const between = async () => {
    const step = betweenPostgresAndRedis;
    betweenPostgresAndRedis = null;
    if (step) await step();
  };
  const racingQueue: TWaitingQueue = {
    ...queue,
    async add(caller, kind) {
      await between();
      return queue.add(caller, kind);
    },
    async enter(caller, terms) {
      await between();
      return queue.enter(caller, terms);
    },
  };
  const calls = callsRepository(stores.database.db);
  const events = createCallLifecycle();
  // Routing is not under test here: no counsellor is connected to take an offer.
  const routing = { queued: () => {}, left: () => {}, ended: () => {} };
  deps = {
    config: stores.config,
    keyring: keyringFromConfig(stores.config),
    hotlines: hotlineSettingsRepository(stores.database.db),
    calls,
    queue: racingQueue,
    routing,
    callbacks: { keepPlace: () => Promise.resolve({ state: 'connecting' as const }) },
    events,
    buffer: reconciliationBuffer({ calls, queue: racingQueue, routing, events }),
    urls: ivrUrls(stores.config.PUBLIC_BASE_URL),
    now: () => new Date(),
  };
});
afterAll(() => stores.cleanup());

const incoming = (callSid: string) =>
  incomingCall(deps, '1362', {
    CallSid: callSid,
    From: '+8562055512345',
    To: '+85621136200',
    CallStatus: 'ringing',
  });

describe('a caller who hangs up while their call is being queued', () => {
  it('is queued when nothing happens in between', async () => {
    const callSid = newCallSid();
    expect(await incoming(callSid)).toContain('<Enqueue');
    expect(await queue.position(callSid, '1362')).toBe(1);
    await queue.remove(callSid, '1362');
  });

  it('leaves no entry behind when the hang-up lands between Postgres and Redis', async () => {
    const callSid = newCallSid();
    betweenPostgresAndRedis = async () => {
      await statusReceived(deps, '1362', {
        CallSid: callSid,
        To: '+85621136200',
        CallStatus: 'completed',
        SequenceNumber: '2',
      });
    };
    expect(await incoming(callSid)).toContain('<Hangup/>');
    expect(await queue.position(callSid, '1362')).toBeNull();
    expect(await queue.size('1362')).toBe(0);
  });
});
