import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocklistRepository } from '../../../src/modules/blocklist/blocklist.repository';
import { callsRepository } from '../../../src/modules/voice/calls/calls.repository';
import { newCallSid } from '../../fixtures/telephony.fixture';
import { createTestStores, type TTestStores } from '../../support/test-stores';

// The incoming webhook's recordings leave in batches under load (group commit): every call must
// still be recorded once, with all its raw events, its block-list answer and its own state.
let stores: TTestStores;

beforeAll(async () => {
  stores = await createTestStores();
});
afterAll(async () => stores?.cleanup());

const newCall = (callSid: string, fromHash: string) => ({
  callSid,
  hotline: '1362',
  fromEncrypted: 'sealed',
  fromHash,
  route: 'ivr',
  startedAt: new Date(),
});
const incoming = (callSid: string) => ({
  callSid,
  kind: 'incoming',
  callStatus: 'ringing',
  payload: { CallSid: callSid },
  receivedAt: new Date(),
});

describe('recording calls under a surge', () => {
  it('records each call once with every event, and answers each with its own state', async () => {
    const calls = callsRepository(stores.database.db);
    await blocklistRepository(stores.database.db).block({
      phoneHash: 'hash-blocked',
      hotline: '1362',
      reason: 'abusive',
    });
    // A status callback that beat the incoming webhook left a bare, ended row.
    const early = newCallSid();
    await calls.recordCall({
      callSid: early,
      hotline: 'unknown',
      fromEncrypted: null,
      fromHash: null,
    });
    await calls.applyStatus({ callSid: early, status: 'completed', at: new Date() });

    const sids = Array.from({ length: 60 }, newCallSid);
    const hashOf = (i: number) => (i === 7 ? 'hash-blocked' : `hash-${i}`);
    // Every call delivered twice at once (Twilio retried), plus the early one, all together.
    const answers = await Promise.all([
      ...sids.flatMap((sid, i) =>
        [0, 1].map(() => calls.recordCallWithEvent(newCall(sid, hashOf(i)), incoming(sid))),
      ),
      calls.recordCallWithEvent(newCall(early, 'hash-early'), incoming(early)),
    ]);

    expect(answers.filter((a) => a.blocked)).toHaveLength(2);
    expect(answers.at(-1)).toEqual({ status: 'completed', queueResult: null, blocked: false });
    const rows = await stores.database.sql<{ call_sid: string; events: number }[]>`
      select c.call_sid, (select count(*)::int from call_events e where e.call_sid = c.call_sid) as events
      from calls c where c.call_sid = any(${[...sids, early]})`;
    expect(rows).toHaveLength(sids.length + 1);
    expect(rows.every((r) => r.events === (r.call_sid === early ? 1 : 2))).toBe(true);
    const filled = await calls.findCall(early);
    expect(filled?.hotline).toBe('1362');
    expect(filled?.status).toBe('completed');
  });
});

describe('status callbacks racing each other', () => {
  it('lets exactly one delivery end the call, whatever order and overlap they arrive in', async () => {
    const calls = callsRepository(stores.database.db);
    const sids = Array.from({ length: 20 }, newCallSid);
    for (const sid of sids) await calls.recordCall(newCall(sid, `hash-${sid}`));
    const at = new Date();
    // Per call: Twilio's four callbacks, each delivered twice, all at once and in reverse.
    const deliveries = sids.flatMap((callSid) =>
      (['completed', 'in-progress', 'ringing', 'completed'] as const).flatMap((status, i) =>
        [0, 1].map(() => ({ callSid, status, sequenceNumber: 3 - i, durationSeconds: 42, at })),
      ),
    );
    const results = await Promise.all(deliveries.map((d) => calls.applyStatus(d)));

    for (const sid of sids) {
      const endings = deliveries.filter(
        (d, i) => d.callSid === sid && results[i]?.changed && results[i]?.status === 'completed',
      );
      expect(endings).toHaveLength(1);
      const row = await calls.findCall(sid);
      expect(row?.status).toBe('completed');
      expect(row?.durationSeconds).toBe(42);
      // Either 'completed' delivery may land first (a terminal state then stays): the row keeps
      // the sequence number of the one that ended the call.
      expect(row?.lastSequence).toBe(endings[0]?.sequenceNumber);
    }
  });
});

describe('raw events under a surge', () => {
  it('writes every event, and one Postgres refuses fails alone, not the events beside it', async () => {
    const calls = callsRepository(stores.database.db);
    const sids = Array.from({ length: 40 }, newCallSid);
    const event = (callSid: string, sequenceNumber: number) => ({
      callSid,
      kind: 'status',
      callStatus: 'in-progress',
      sequenceNumber,
      payload: { CallSid: callSid },
      receivedAt: new Date(),
    });
    // All at once, so they share statements; one carries a sequence number out of int range.
    const outcomes = await Promise.allSettled(
      sids.map((sid, i) => calls.addEvent(event(sid, i === 13 ? 99_999_999_999 : i))),
    );
    expect(outcomes.map((o) => o.status === 'rejected')).toEqual(sids.map((_, i) => i === 13));
    const rows = await stores.database.sql<{ call_sid: string; sequence_number: number }[]>`
      select call_sid, sequence_number from call_events where call_sid = any(${sids})`;
    expect(rows.map((r) => r.call_sid).sort()).toEqual(sids.filter((_, i) => i !== 13).sort());
    expect(rows.every((r) => r.sequence_number === sids.indexOf(r.call_sid))).toBe(true);
  });
});
