import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralsReport } from '../../../src/modules/reports/referrals-report.policy';
import { loadReferrals } from '../../../src/modules/reports/referrals.repository';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
const may2025 = { from: '2025-05-01', to: '2025-05-31' };

// [created (Lao), hours to acknowledge or null, hours to complete or null, state, decline reason, service given]
const tickets: Array<[string, number | null, number | null, string, string | null, boolean]> = [
  ['2025-05-01 10:00', 2, 50, 'completed', null, true],
  ['2025-05-02 10:00', 6, null, 'declined', 'no_capacity', false],
  ['2025-05-03 10:00', null, null, 'pending', null, false],
  ['2025-06-03 10:00', 1, null, 'accepted', null, false],
];

beforeAll(async () => {
  stores = await createTestStores();
  const sql = stores.database.sql;
  await sql`insert into organisations (key, kind, name_lo, name_en) values ('lwu-cwpc', 'shelter', 'ສູນ', 'Centre')
    on conflict (key) do nothing`;
  const unit = randomUUID();
  await sql`insert into partner_units (id, organisation_key, name_lo, name_en, kind) values (${unit}, 'lwu-cwpc', 'ສູນ', 'Centre', 'shelter')`;
  const caseId = randomUUID();
  await sql`insert into cases (id, code, hotline, province_code) values (${caseId}, 'RPT-R1', '1362', 'LA-VT')`;
  for (const [created, ack, done, state, reason, served] of tickets) {
    const at = `${created}+07`;
    const referral = randomUUID();
    const ticket = randomUUID();
    await sql`insert into referrals (id, case_id, hotline, requested_by, needs, priority, subject, referred_at)
      values (${referral}, ${caseId}, '1362', ${randomUUID()}, ${sql.array(['shelter'], 1009)}, 'routine', '{}'::jsonb, ${at}::timestamptz)`;
    await sql`insert into tickets (id, referral_id, unit_id, organisation_key, case_id, needs, priority, state, decline_reason,
        due_acknowledge_at, due_resolve_at, created_at)
      values (${ticket}, ${referral}, ${unit}, 'lwu-cwpc', ${caseId}, ${sql.array(['shelter'], 1009)}, 'routine', ${state}, ${reason},
        ${at}::timestamptz + interval '4 h', ${at}::timestamptz + interval '72 h', ${at}::timestamptz)`;
    for (const [hours, to] of [
      [ack, 'acknowledged'],
      [done, 'completed'],
    ] as const)
      if (hours !== null)
        await sql`insert into ticket_events (ticket_id, type, to_state, actor_kind, created_at)
          values (${ticket}, 'state', ${to}, 'partner', ${at}::timestamptz + ${hours}::int * interval '1 h')`;
    if (served)
      await sql`insert into ticket_services (ticket_id, case_id, service, given_on) values (${ticket}, ${caseId}, 'shelter', '2025-05-02')`;
  }
});
afterAll(() => stores.cleanup());

describe('referrals report', () => {
  it('counts tickets by partner and state with times, breaches, declines and services', async () => {
    const data = await loadReferrals(stores.database.sql, may2025, {
      hotlines: null,
      provinceCode: null,
    });
    const [byPartner, declines] = referralsReport({ period: may2025, filters: {}, data }).tables;
    // tickets, pending, ack, accepted, declined, in progress, on hold, completed, withdrawn, ack h, done h, breaches, served %
    expect(byPartner?.rows.map((r) => [r.en, ...r.cells])).toEqual([
      ['Centre · shelter', 3, 1, 0, 0, 1, 0, 0, 1, 0, 4, 50, 2, 33.3],
      ['Total', 3, 1, 0, 0, 1, 0, 0, 1, 0, 4, 50, 2, 33.3],
    ]);
    expect(declines?.rows.map((r) => [r.key, ...r.cells])).toEqual([['no_capacity', 1]]);
  });

  it('narrows to the province of the case and to a hotline', async () => {
    const sql = stores.database.sql;
    expect(
      (await loadReferrals(sql, may2025, { hotlines: null, provinceCode: 'LA-SV' })).groups,
    ).toEqual([expect.objectContaining({ organisation: null, tickets: 0 })]);
    expect(
      (await loadReferrals(sql, may2025, { hotlines: ['1554'], provinceCode: null })).groups[0]
        ?.tickets,
    ).toBe(0);
  });

  it('places a referral imported from an earlier system in its own year, not the year it was imported', async () => {
    const sql = stores.database.sql;
    const [unit] = await sql<Array<{ id: string }>>`select id from partner_units limit 1`;
    const [kase] = await sql<Array<{ id: string }>>`select id from cases limit 1`;
    const referral = randomUUID();
    // Migrated today: the rows are written now, the referral was made in June 2022.
    await sql`insert into referrals (id, case_id, hotline, requested_by, needs, priority, subject, referred_at)
      values (${referral}, ${kase?.id ?? ''}, '1362', ${randomUUID()}, ${sql.array(['shelter'], 1009)}, 'routine',
        '{}'::jsonb, '2022-06-15 09:00+07')`;
    await sql`insert into tickets (referral_id, unit_id, organisation_key, case_id, needs, priority, state)
      values (${referral}, ${unit?.id ?? ''}, 'lwu-cwpc', ${kase?.id ?? ''}, ${sql.array(['shelter'], 1009)}, 'routine', 'completed')`;
    const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
    const everywhere = { hotlines: null, provinceCode: null };
    const total = async (y: number) =>
      (await loadReferrals(sql, year(y), everywhere)).groups.find((g) => g.organisation === null);
    expect(await total(2022)).toMatchObject({ tickets: 1, completed: 1 });
    const thisYear = new Date().getFullYear();
    expect((await total(thisYear))?.tickets).toBe(0);
  });
});
