import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOperations } from '../../../src/modules/reports/operations-aggregate.repository';
import { operationsTables } from '../../../src/modules/reports/operations.policy';
import { computeOperations } from '../../../src/modules/reports/operations.repository';
import { loadOperations } from '../../../src/modules/reports/operations.service';
import { laoDate, type TPeriod } from '../../../src/modules/reports/report-period.policy';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import { createStaff } from '../../fixtures/staff';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let counsellors: string[] = [];

const scopes = [null, ['1362'], ['1554'], ['1362', '1554']];
const today = laoDate(new Date());
const periods: TPeriod[] = [
  { from: '2025-06-10', to: '2025-06-10' },
  { from: '2025-06-01', to: '2025-06-30' },
  { from: '2025-04-01', to: '2025-06-30' },
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-06-09', to: '2025-06-11' },
  { from: today, to: today },
];

/** Every table, row and cell of the operations report, as a user sees it. */
const cells = (data: Parameters<typeof operationsTables>[0]) =>
  Object.fromEntries(
    operationsTables(data).map((t) => [t.key, t.rows.map((r) => [r.key, r.en, ...r.cells])]),
  );

/** For every period and hotline scope the aggregate gives exactly the direct computation. */
async function expectAggregateMatchesDirect(read = readOperations): Promise<void> {
  const sql = stores.database.sql;
  for (const period of periods)
    for (const hotlines of scopes) {
      const scope = { hotlines, provinceCode: null };
      const direct = cells(await computeOperations(sql, period, scope));
      const fromAggregate = cells(await read(sql, period, scope));
      expect({ period, hotlines, cells: fromAggregate }).toEqual({
        period,
        hotlines,
        cells: direct,
      });
    }
}

/**
 * 240 inbound calls over three Lao days around 10 June 2025 and every outcome (answered within
 * and past 20 s, abandoned, short abandons, after hours, blocked, forwarded, left in the IVR),
 * outbound calls (never counted), a bare row whose hotline is not known yet, routing offers by
 * two counsellors (and events without a counsellor or without a call row), and contacts.
 */
async function insertKnownCalls(): Promise<void> {
  const sql = stores.database.sql;
  await sql`
    insert into calls (call_sid, hotline, direction, status, route, queue_result, callback_requested,
      started_at, enqueued_at, left_queue_at, ended_at)
    select 'CA' || j,
      case when j % 17 = 0 then 'unknown' when j % 3 = 0 then '1554' else '1362' end,
      case when j % 29 = 0 then 'outbound' else 'inbound' end, 'completed',
      (array['queued', 'queued', 'queued', 'blocked', 'after-hours-voicemail', 'forwarded-fallback', 'ivr'])[j % 7 + 1],
      case when j % 7 in (3, 4, 5, 6) then null when j % 5 < 3 then 'redirected' else 'hangup' end,
      j % 11 = 0, s,
      case when j % 7 < 3 then s + interval '15 s' end,
      case when j % 7 < 3 and j % 4 <> 0 then s + interval '15 s' + (j % 45) * interval '1 s' end,
      s + interval '15 s' + (j % 50) * interval '1 s' + interval '3 min'
    from generate_series(1, 240) j,
      lateral (select '2025-06-09T00:00:00+07:00'::timestamptz + j * interval '17 min 13 s' as s) t`;
  const [a, b] = counsellors;
  await sql`
    insert into call_events (call_sid, kind, payload, received_at)
    select case when j % 13 = 0 then 'CA-none-' || j else 'CA' || (j % 240 + 1) end,
      (array['routing.offered', 'routing.offered', 'routing.accepted', 'routing.rejected', 'routing.offer-timeout', 'routing.bridged'])[j % 6 + 1],
      case when j % 19 = 0 then '{}'::jsonb
        else jsonb_build_object('userId', case when j % 2 = 0 then ${a ?? ''} else ${b ?? ''} end) end,
      '2025-06-09T00:00:00+07:00'::timestamptz + j * interval '9 min 7 s'
    from generate_series(1, 400) j`;
  await sql`
    insert into contacts (id, hotline, channel, language, caller_type, contact_type, occurred_at,
      counsellor_id, duration_seconds)
    select gen_random_uuid(), case when j % 3 = 0 then '1554' else '1362' end, 'call', 'lo', 'self',
      'crisis', '2025-06-09T00:00:00+07:00'::timestamptz + j * interval '47 min',
      case when j % 9 = 0 then null when j % 2 = 0 then ${a ?? ''}::uuid else ${b ?? ''}::uuid end,
      case when j % 8 = 0 then null else 60 + j * 7 end
    from generate_series(1, 90) j`;
}

beforeAll(async () => {
  stores = await createTestStores();
  counsellors = [
    (await createStaff(stores, { role: 'counsellor', displayName: 'Counsellor A' })).id,
    (await createStaff(stores, { role: 'counsellor', displayName: 'Counsellor B' })).id,
  ];
  await insertKnownCalls();
});
afterAll(() => stores.cleanup());

describe('the operations report from the per-hour aggregates', () => {
  it('gives every cell of the direct computation, for any period of whole days and hotline', async () => {
    const sql = stores.database.sql;
    // Before the aggregates exist the report is computed directly.
    const first = cells(
      await loadOperations(sql, periods[1] as TPeriod, { hotlines: null, provinceCode: null }),
    );
    expect(first['calls-by-hotline']?.length).toBeGreaterThan(2);
    expect(first.counsellors?.map((r) => r[1])).toEqual(['Counsellor A', 'Counsellor B']);
    await refreshReportAggregates(sql, { full: true, wait: true });
    await expectAggregateMatchesDirect();
  });

  it('takes in late status callbacks, new calls, routing steps and contacts at the next refresh', async () => {
    const sql = stores.database.sql;
    const [a] = counsellors;
    // A late callback on an old call: the caller was answered after all (and later asked for a
    // call-back); the bare row's hotline becomes known.
    await sql`update calls set queue_result = 'redirected', callback_requested = true, updated_at = now()
      where call_sid in ('CA4', 'CA8', 'CA12')`;
    await sql`update calls set hotline = '1554', updated_at = now() where call_sid = 'CA17'`;
    // Calls and routing steps happening now (the steps are younger than the refresh's settling
    // time, so the report reads them directly), and a contact recorded late for June. "Minutes
    // ago" never reaches back past midnight in Vientiane: run just after it, the calls would
    // otherwise fall on yesterday's report.
    const laoMidnight = sql`date_trunc('day', now() at time zone 'Asia/Vientiane') at time zone 'Asia/Vientiane'`;
    const ago = (minutes: number) =>
      sql`greatest(now() - ${`${minutes} minutes`}::interval, ${laoMidnight})`;
    await sql`
      insert into calls (call_sid, hotline, status, route, queue_result, started_at, enqueued_at, left_queue_at)
      values ('CA-now-1', '1362', 'in-progress', 'queued', 'redirected', ${ago(5)}, ${ago(5)}, ${ago(4)}),
        ('CA-now-2', '1554', 'completed', 'queued', 'hangup', ${ago(3)}, ${ago(3)}, ${ago(2)})`;
    // Today as the database sees it now (the module's `today` may be yesterday by now).
    const [{ day: today } = { day: '' }] = await sql<{ day: string }[]>`
      select to_char(now() at time zone 'Asia/Vientiane', 'YYYY-MM-DD') as day`;
    await sql`
      insert into call_events (call_sid, kind, payload, received_at)
      values ('CA-now-1', 'routing.offered', ${JSON.stringify({ userId: a })}::jsonb, now()),
        ('CA-now-1', 'routing.accepted', ${JSON.stringify({ userId: a })}::jsonb, now()),
        ('CA-now-2', 'routing.offer-timeout', ${JSON.stringify({ userId: a })}::jsonb, now())`;
    await sql`
      insert into contacts (id, hotline, channel, language, caller_type, contact_type, occurred_at,
        counsellor_id, duration_seconds)
      values (gen_random_uuid(), '1554', 'call', 'lo', 'self', 'crisis', '2025-06-10T13:30:00+07:00',
        ${a ?? ''}, 900)`;

    const before = cells(
      await readOperations(sql, { from: today, to: today }, { hotlines: null, provinceCode: null }),
    );
    // Routing steps past the refresh's position are read directly; the rest waits for the worker.
    const waiting = cells(
      await loadOperations(sql, { from: today, to: today }, { hotlines: null, provinceCode: null }),
    );
    expect(waiting['calls-by-hotline']).toEqual(before['calls-by-hotline']);
    expect(waiting.counsellors).toEqual([[a, 'Counsellor A', 1, 1, 0, 1, 0, 0]]);
    await refreshReportAggregates(sql, { full: false, wait: true });
    const now = cells(
      await loadOperations(sql, { from: today, to: today }, { hotlines: null, provinceCode: null }),
    );
    expect(before['calls-by-hotline']).toEqual([
      ['total', 'Total', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(now['calls-by-hotline']?.map((r) => r.slice(0, 5))).toEqual([
      ['1362', '1362', 1, 1, 1],
      ['1554', '1554', 1, 1, 0],
      ['total', 'Total', 2, 2, 1],
    ]);
    // offers, accepted, rejected, timed out, contacts, mean handle time
    expect(now.counsellors).toEqual([[a, 'Counsellor A', 1, 1, 0, 1, 0, 0]]);
    await expectAggregateMatchesDirect(loadOperations);
  });

  it('stays correct when calls and contacts are deleted or moved, without a full rebuild', async () => {
    const sql = stores.database.sql;
    await sql`delete from calls where call_sid in ('CA5', 'CA100', 'CA101')`;
    await sql`delete from contacts where id in (select id from contacts where counsellor_id is not null
      order by occurred_at limit 2)`;
    // A contact's time corrected to another day: it leaves its old hour.
    await sql`update contacts set occurred_at = occurred_at + interval '1 day 3 hours', updated_at = now()
      where id = (select id from contacts where counsellor_id is not null order by occurred_at desc limit 1)`;
    const result = await refreshReportAggregates(sql, { full: false, wait: true });
    expect(result).toMatchObject({ full: false });
    expect(result?.operations?.callHours).toBeGreaterThan(0);
    await expectAggregateMatchesDirect();

    // The daily full rebuild gives the same cells as the refreshes did.
    await refreshReportAggregates(sql, { full: true, wait: true });
    await expectAggregateMatchesDirect();
  });
});
