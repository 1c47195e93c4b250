import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSql } from '../../../src/infra/database';
import { loadNationalTallies } from '../../../src/modules/reports/national-tallies.service';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import type { TReportScope } from '../../../src/modules/reports/report-filters';
import type { TPeriod } from '../../../src/modules/reports/report-period.policy';
import {
  computeNationalTallies,
  readMonthsTallies,
} from '../../../src/modules/reports/reports.repository';
import { insertKnownRecords } from '../../fixtures/reports-records';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let ids: Map<string, string>;
const extra = new Map<string, { personId: string; caseId: string }>();

beforeAll(async () => {
  stores = await createTestStores();
  ids = await insertKnownRecords(stores.database.sql);
  await insertVariedRecords(stores.database.sql);
});
afterAll(() => stores.cleanup());

/** A person (created today: migrated) with a case of their own. */
async function person(
  sql: TSql,
  label: string,
  p: { hotline: string; province: string | null; status: string; identifiedOn?: string },
): Promise<void> {
  const personId = randomUUID();
  const caseId = randomUUID();
  await sql`insert into people (id, hotline, sex, under18_at_identification, nationalities,
      residence_province_code, victim_status, identification_date)
    values (${personId}, ${p.hotline}, ${label.endsWith('m') ? 'male' : 'female'}, ${label.length % 2 === 0},
      '{LA}', ${p.province}, ${p.status}, ${p.identifiedOn ?? null})`;
  await sql`insert into cases (id, code, hotline) values (${caseId}, ${`MO-${label}`}, ${p.hotline})`;
  await sql`insert into case_people (case_id, person_id, role) values (${caseId}, ${personId}, 'victim')`;
  extra.set(label, { personId, caseId });
}

async function contact(
  sql: TSql,
  label: string,
  at: string,
  c: { hotline?: string; channel?: string; type?: string } = {},
): Promise<void> {
  await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at)
    values (${randomUUID()}, ${extra.get(label)?.caseId ?? ''}, ${c.hotline ?? '1362'}, ${c.channel ?? 'call'},
      'lo', 'self', ${c.type ?? 'crisis'}, ${at}::timestamptz)`;
}

/**
 * Beyond the known set (2025, hotline 1362): people whose contacts cross months and quarters in
 * Lao time (an instant in March by UTC is in April in Vientiane), contacted in several months and
 * modes, through two hotlines, first contacted years before their record was created (migrated),
 * identified mid-year, a suspect on a case, contacts that are not counselling.
 */
async function insertVariedRecords(sql: TSql): Promise<void> {
  await person(sql, 'migrated', { hotline: '1362', province: 'LA-SV', status: 'possible' });
  await contact(sql, 'migrated', '2023-07-01T10:00:00+07:00');
  await contact(sql, 'migrated', '2025-02-14T10:00:00+07:00');
  await contact(sql, 'migrated', '2025-05-20T10:00:00+07:00', { channel: 'chat' });

  // 03:00 on 1 April in Vientiane is still 31 March in UTC.
  await person(sql, 'edge', {
    hotline: '1554',
    province: 'LA-VT',
    status: 'identified',
    identifiedOn: '2025-04-01',
  });
  await contact(sql, 'edge', '2025-04-01T03:00:00+07:00', { hotline: '1554' });
  await contact(sql, 'edge', '2025-03-31T23:30:00+07:00', {
    hotline: '1362',
    channel: 'call_back',
  });
  await contact(sql, 'edge', '2025-06-30T23:59:00+07:00', { hotline: '1554', channel: 'sms' });
  await contact(sql, 'edge', '2025-07-01T00:01:00+07:00', { hotline: '1554', channel: 'walk_in' });

  // New in May, continuing from June on; a hang-up in August counts them touched, not counselled.
  await person(sql, 'fresh', { hotline: '1362', province: 'LA-VT', status: 'possible' });
  await contact(sql, 'fresh', '2025-05-03T09:00:00+07:00');
  await contact(sql, 'fresh', '2025-06-03T09:00:00+07:00', { channel: 'chat' });
  await contact(sql, 'fresh', '2025-08-03T09:00:00+07:00', { type: 'hang_up' });

  // Identified in 2024, first contacted in 2025: continuing through identification.
  await person(sql, 'knownm', {
    hotline: '1554',
    province: null,
    status: 'identified',
    identifiedOn: '2024-12-31',
  });
  await contact(sql, 'knownm', '2025-01-01T00:00:00+07:00', {
    hotline: '1554',
    channel: 'field_visit',
  });
  await contact(sql, 'knownm', '2025-09-30T23:59:59+07:00', { hotline: '1362' });
  await contact(sql, 'knownm', '2025-10-01T00:00:00+07:00', { hotline: '1362', channel: 'chat' });

  // Not a victim: contacted, never counted as a victim, still a counselling session.
  await person(sql, 'callerm', { hotline: '1362', province: 'LA-SV', status: 'not_victim' });
  await contact(sql, 'callerm', '2025-11-11T11:00:00+07:00');
  // A suspect on the fresh person's case: never counted.
  await sql`insert into people (id, hotline, sex, nationalities, victim_status)
    values (${randomUUID()}, '1362', 'male', '{TH}', 'not_victim')`;
  await sql`insert into case_people (case_id, person_id, role)
    select ${extra.get('fresh')?.caseId ?? ''}, id, 'other_party' from people where nationalities = '{TH}'
      and hotline = '1362' and victim_status = 'not_victim' and id not in (select person_id from case_people)`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const months = (year: number): TPeriod[] =>
  Array.from({ length: 12 }, (_, i) => {
    const last = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
    return { from: `${year}-${pad(i + 1)}-01`, to: `${year}-${pad(i + 1)}-${pad(last)}` };
  });
const periods: TPeriod[] = [
  ...months(2025),
  { from: '2025-01-01', to: '2025-03-31' },
  { from: '2025-04-01', to: '2025-06-30' },
  { from: '2025-07-01', to: '2025-09-30' },
  { from: '2025-10-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-04-30' },
  { from: '2024-12-01', to: '2025-02-28' },
  { from: '2023-07-01', to: '2023-07-31' },
];
const scopes: TReportScope[] = [
  { hotlines: null, provinceCode: null },
  { hotlines: ['1362'], provinceCode: null },
  { hotlines: ['1554'], provinceCode: null },
  { hotlines: null, provinceCode: 'LA-VT' },
  { hotlines: ['1362'], provinceCode: 'LA-SV' },
  { hotlines: ['1554', '1362'], provinceCode: 'LA-VT' },
];

/** Every period and filter: the month aggregates give exactly the direct computation's tallies. */
async function expectMonthsMatchDirect(only: TPeriod[] = periods): Promise<void> {
  const sql = stores.database.sql;
  for (const period of only)
    for (const scope of scopes) {
      const direct = await computeNationalTallies(sql, period, scope);
      const fast = await readMonthsTallies(sql, period, scope);
      expect({ period, scope, tallies: fast }).toEqual({ period, scope, tallies: direct });
    }
}

describe('national statistics of whole months from the month aggregates', () => {
  it('gives exactly the direct computation for months, quarters and runs of months, under every filter', async () => {
    const sql = stores.database.sql;
    await refreshReportAggregates(sql, { full: true, wait: true });
    await expectMonthsMatchDirect();

    // Spot checks that the fixture exercises what it should (direct and fast agree on these).
    const april = await readMonthsTallies(
      sql,
      { from: '2025-04-01', to: '2025-04-30' },
      { hotlines: ['1554'], provinceCode: null },
    );
    expect(april.counselling.hotline?.sessions).toBe(1); // the 03:00 call, March in UTC
    // Q2 through 1554: the edge person, first contacted on 31 March through 1362: continuing.
    const q2 = await readMonthsTallies(
      sql,
      { from: '2025-04-01', to: '2025-06-30' },
      { hotlines: ['1554'], provinceCode: null },
    );
    expect(q2.counselling.total).toMatchObject({ people: 1, newPeople: 0, continuingPeople: 1 });
    const june = await readMonthsTallies(
      sql,
      { from: '2025-06-01', to: '2025-06-30' },
      { hotlines: null, provinceCode: 'LA-VT' },
    );
    expect(june.counselling.chat).toMatchObject({ sessions: 2, people: 2, continuingPeople: 2 });
  });

  it('follows re-dated, moved and deleted contacts and people taken off a case, read through loadNationalTallies', async () => {
    const sql = stores.database.sql;
    const all = { hotlines: null, provinceCode: null };
    const may = { from: '2025-05-01', to: '2025-05-31' };
    const before = await loadNationalTallies(sql, may, all);
    // The migrated person's chat in May was in fact in April; fresh's May call is deleted.
    await sql`update contacts set occurred_at = '2025-04-20T10:00:00+07:00', updated_at = now()
      where case_id = ${extra.get('migrated')?.caseId ?? ''} and channel = 'chat'`;
    await sql`delete from contacts where case_id = ${extra.get('fresh')?.caseId ?? ''}
      and occurred_at = '2025-05-03T09:00:00+07:00'`;
    // A known person taken off their case; the edge person's June SMS moved onto knownm's case.
    await sql`delete from case_people where case_id = ${ids.get('case:P7') ?? ''}`;
    await sql`update contacts set case_id = ${extra.get('knownm')?.caseId ?? ''}, updated_at = now()
      where case_id = ${extra.get('edge')?.caseId ?? ''} and channel = 'sms'`;

    // The fresh person moves to Savannakhet and is identified in May: the month rows follow.
    await sql`update people set residence_province_code = 'LA-SV', victim_status = 'identified',
        identification_date = '2025-05-15', updated_at = now()
      where id = ${extra.get('fresh')?.personId ?? ''}`;

    const after = await loadNationalTallies(sql, may, all);
    expect(after).toEqual(await computeNationalTallies(sql, may, all));
    expect(after.counselling.chat?.sessions ?? 0).toBe(
      (before.counselling.chat?.sessions ?? 0) - 1,
    );
    await expectMonthsMatchDirect();
  });
});
