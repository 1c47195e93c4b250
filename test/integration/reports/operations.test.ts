import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOutcome, operationsTables } from '../../../src/modules/reports/operations.policy';
import { computeOperations } from '../../../src/modules/reports/operations.repository';
import { operationsReport } from '../../../src/modules/reports/operations-report.policy';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { createStaff } from '../../fixtures/staff';

let stores: TTestStores;
let counsellorId = '';
const day = { from: '2025-06-10', to: '2025-06-10' };

// Calls on 10 June 2025 (Lao time): [sid, hotline, started (Lao), route, queue result, wait s, call-back]
const calls: Array<[string, string, string, string, string | null, number | null, boolean]> = [
  ['CA1', '1362', '09:00:00', 'queued', 'redirected', 5, false],
  ['CA2', '1362', '09:30:00', 'queued', 'redirected', 30, false],
  ['CA3', '1362', '10:00:00', 'queued', 'hangup', 40, true],
  ['CA4', '1362', '10:15:00', 'queued', 'hangup', 3, false],
  ['CA5', '1362', '23:10:00', 'after-hours-voicemail', null, null, false],
  ['CA6', '1362', '10:20:00', 'blocked', null, null, false],
  ['CA7', '1554', '10:40:00', 'queued', 'redirected', 12, false],
  ['CA8', '1554', '06:59:59', 'queued', 'redirected', 1, false],
  ['CA9', '1362', '2025-06-11 00:00:01', 'queued', 'redirected', 1, false],
];

beforeAll(async () => {
  stores = await createTestStores();
  counsellorId = (await createStaff(stores, { role: 'counsellor', displayName: 'Counsellor A' }))
    .id;
  const sql = stores.database.sql;
  for (const [sid, hotline, time, route, result, wait, callback] of calls) {
    const started = `${time.includes(' ') ? time : `2025-06-10 ${time}`}+07`;
    await sql`insert into calls (call_sid, hotline, status, route, queue_result, callback_requested, started_at,
        enqueued_at, left_queue_at)
      values (${sid}, ${hotline}, 'completed', ${route}, ${result}, ${callback}, ${started}::timestamptz,
        case when ${wait}::int is null then null else ${started}::timestamptz + interval '10 s' end,
        case when ${wait}::int is null then null else ${started}::timestamptz + interval '10 s' + ${wait}::int * interval '1 s' end)`;
  }
  for (const kind of ['routing.offered', 'routing.offered', 'routing.rejected', 'routing.accepted'])
    await sql`insert into call_events (call_sid, kind, payload, received_at)
      values ('CA1', ${kind}, ${JSON.stringify({ userId: counsellorId })}::jsonb, '2025-06-10 09:00:10+07'::timestamptz)`;
  await sql`insert into contacts (id, hotline, channel, language, caller_type, contact_type, occurred_at, counsellor_id, duration_seconds)
    values (gen_random_uuid(), '1362', 'call', 'lo', 'self', 'crisis', '2025-06-10 09:01+07'::timestamptz, ${counsellorId}, 300),
      (gen_random_uuid(), '1362', 'call', 'lo', 'self', 'crisis', '2025-06-10 09:31+07'::timestamptz, ${counsellorId}, 500)`;
});
afterAll(() => stores.cleanup());

describe('operations figures from the call log', () => {
  it('counts calls by hotline and outcome with service level, speed of answer and abandonment', async () => {
    const data = await computeOperations(stores.database.sql, day, {
      hotlines: null,
      provinceCode: null,
    });
    const [byHotline, byDay, byHour, counsellors] = operationsTables(data);
    const rows = Object.fromEntries((byHotline?.rows ?? []).map((r) => [r.key, r.cells]));
    // calls, queued, answered, abandoned, short, left in menu, after hours, forwarded, blocked, call-backs, after-call asked/yes/no, SL %, ASA s, abandon %, longest
    expect(rows['1362']).toEqual([6, 4, 2, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 33.3, 18, 33.3, 40]);
    expect(rows['1554']).toEqual([2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 7, 0, 12]);
    expect(rows.total).toEqual([8, 6, 4, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 60, 12, 20, 40]);
    expect(byDay?.rows.map((r) => [r.key, ...r.cells])).toEqual([['2025-06-10', 8, 4, 1, 60]]);
    const hours = Object.fromEntries((byHour?.rows ?? []).map((r) => [r.key, r.cells]));
    expect(byHour?.rows).toHaveLength(24);
    expect(hours['06']).toEqual([1, 1, 0, 100]);
    expect(hours['10']).toEqual([4, 1, 1, 50]);
    expect(hours['23']).toEqual([1, 0, 0, 0]);
    expect(counsellors?.rows.map((r) => [r.en, ...r.cells])).toEqual([
      ['Counsellor A', 2, 1, 1, 0, 2, 400],
    ]);
  });

  it('says on the sheet, in Lao and English, that telephony figures cover only calls through the system', async () => {
    const data = await computeOperations(stores.database.sql, day, {
      hotlines: null,
      provinceCode: null,
    });
    const notes = operationsReport({ period: day, filters: {}, data }).notes;
    expect(notes.map((n) => n.en)).toContainEqual(
      expect.stringContaining('only calls that came through this system'),
    );
    expect(notes.map((n) => n.lo)).toContainEqual(
      expect.stringContaining('ສະເພາະສາຍທີ່ເຂົ້າມາຜ່ານລະບົບນີ້'),
    );
  });

  it('narrows to one hotline', async () => {
    const data = await computeOperations(stores.database.sql, day, {
      hotlines: ['1554'],
      provinceCode: null,
    });
    expect(data.byHotline.map((g) => [g.key, g.calls])).toEqual([
      ['1554', 2],
      ['total', 2],
    ]);
    expect(data.counsellors).toEqual([]);
  });

  it('classifies a call the same way as the SQL does', () => {
    const base = { route: 'queued', enqueuedAt: new Date(), queueResult: 'hangup', waitSeconds: 9 };
    expect(callOutcome(base)).toBe('short_abandoned');
    expect(callOutcome({ ...base, waitSeconds: 10 })).toBe('abandoned');
    expect(callOutcome({ ...base, queueResult: 'redirected' })).toBe('answered');
    expect(callOutcome({ ...base, route: 'after-hours-forward' })).toBe('after_hours');
    expect(callOutcome({ ...base, route: 'forwarded-fallback' })).toBe('forwarded');
    expect(callOutcome({ ...base, enqueuedAt: null, route: 'ivr' })).toBe('left_ivr');
  });
});
