import { randomUUID } from 'node:crypto';
import { Emitter } from '@socket.io/redis-emitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedis } from '../../../src/infra/redis';
import { JobQueues } from '../../../src/jobs/job-queues';
import { reportRefreshJob } from '../../../src/jobs/report-refresh.job';
import { readNationalTallies } from '../../../src/modules/reports/national-aggregate.repository';
import { loadNationalTallies } from '../../../src/modules/reports/national-tallies.service';
import { refreshReportAggregates } from '../../../src/modules/reports/report-aggregates.repository';
import { computeNationalTallies } from '../../../src/modules/reports/reports.repository';
import { reportRefreshProcessor } from '../../../workers/processors/report-refresh.processor';
import { startWorkers, type TRunningWorkers } from '../../../workers/start-workers';
import { expectedNationalCells, year2025 } from '../../fixtures/reports';
import { insertKnownRecords } from '../../fixtures/reports-records';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildNationalTables } from '../../../src/modules/reports/national-tables.policy';

let stores: TTestStores;
let ids: Map<string, string>;
let workers: TRunningWorkers;
let queues: JobQueues;

const scopes = [null, ['1362'], ['1554'], ['1362', '1554']];
const years = [2023, 2024, 2025, 2026];
const provinces = [null, 'LA-SV', 'LA-VT', 'LA-XS'];
const cells = (tallies: Parameters<typeof buildNationalTables>[0]) =>
  Object.fromEntries(
    buildNationalTables(tallies).map((t) => [t.key, t.rows.map((r) => [r.key, ...r.cells])]),
  );

/**
 * Every year, hotline scope and province (none, two of the known set's, one without people):
 * the aggregate gives exactly the tallies of the direct query.
 */
async function expectAggregateMatchesDirect(): Promise<void> {
  const sql = stores.database.sql;
  for (const year of years)
    for (const hotlines of scopes)
      for (const provinceCode of provinces) {
        const period = { from: `${year}-01-01`, to: `${year}-12-31` };
        const direct = await computeNationalTallies(sql, period, { hotlines, provinceCode });
        const fromAggregate = await readNationalTallies(sql, year, { hotlines, provinceCode });
        expect({ year, hotlines, provinceCode, tallies: fromAggregate }).toEqual({
          year,
          hotlines,
          provinceCode,
          tallies: direct,
        });
      }
}

/**
 * Beyond the known set (all on 1362): a person of hotline 1554 (in Savannakhet, like two of the
 * known set) contacted through both hotlines, and a contact about a victim and a suspect (the
 * suspect is never counted).
 */
async function insertOtherHotlineRecords(): Promise<void> {
  const sql = stores.database.sql;
  const person = randomUUID();
  const suspect = randomUUID();
  const caseId = randomUUID();
  await sql`insert into people (id, hotline, sex, under18_at_identification, nationalities, victim_status,
      identification_date, exploitation_forms, created_at, residence_province_code)
    values (${person}, '1554', 'female', true, '{LA}', 'identified', '2025-06-01', '{forced_labour}',
      '2024-02-01T08:00:00+07:00', 'LA-SV'),
      (${suspect}, '1554', 'male', false, '{TH}', 'not_victim', null, '{}', '2025-06-01T08:00:00+07:00', 'LA-VT')`;
  await sql`insert into cases (id, code, hotline) values (${caseId}, 'RPT-X', '1554')`;
  await sql`insert into case_people (case_id, person_id, role)
    values (${caseId}, ${person}, 'victim'), (${caseId}, ${suspect}, 'other_party')`;
  await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at)
    values (${randomUUID()}, ${caseId}, '1362', 'call', 'lo', 'self', 'crisis', '2025-05-31T18:00:00Z'),
      (${randomUUID()}, ${caseId}, '1554', 'walk_in', 'lo', 'self', 'crisis', '2025-07-02T09:00:00+07:00'),
      (${randomUUID()}, ${caseId}, '1554', 'sms', 'lo', 'self', 'information', '2024-03-02T09:00:00+07:00')`;
}

beforeAll(async () => {
  stores = await createTestStores();
  ids = await insertKnownRecords(stores.database.sql);
  const url = stores.config.REDIS_URL as string;
  queues = new JobQueues(openRedis(url, 'worker'), stores.config.REDIS_PREFIX);
  workers = startWorkers({
    contracts: [reportRefreshJob],
    processors: { [reportRefreshJob.name]: reportRefreshProcessor },
    connection: openRedis(url, 'worker'),
    deps: {
      config: stores.config,
      db: stores.database.db,
      sql: stores.database.sql,
      redis: stores.redis,
      queues,
      emitter: new Emitter(stores.redis, { key: `${stores.config.REDIS_PREFIX}:io` }),
    },
  });
});
afterAll(async () => {
  await workers.close();
  await queues.close();
  await stores.cleanup();
});

const builtRows = async () =>
  (
    await stores.database.sql<
      Array<{ n: number }>
    >`select count(*)::int as n from report_person_years`
  )[0]?.n ?? 0;

describe('the national report from the statistical aggregates', () => {
  it('is built and kept up to date by the refresh job, giving the direct computation', async () => {
    await queues.enqueue(reportRefreshJob, { runId: 'test-full', full: true });
    await expect.poll(builtRows, { timeout: 20_000 }).toBeGreaterThan(0);
    const tallies = await loadNationalTallies(stores.database.sql, year2025, {
      hotlines: null,
      provinceCode: null,
    });
    expect(cells(tallies)).toEqual(expectedNationalCells);
    await expectAggregateMatchesDirect();
    // The province filter is served from the aggregate too, and counts the province's people.
    const savannakhet = await readNationalTallies(stores.database.sql, 2025, {
      hotlines: null,
      provinceCode: 'LA-SV',
    });
    expect(savannakhet.summary.identified?.total).toBe(2);
    expect(savannakhet.counselling.total?.sessions).toBeGreaterThan(0);

    const built = await builtRows();
    await insertOtherHotlineRecords();
    await queues.enqueue(reportRefreshJob, { runId: 'test-changes', full: false });
    await expect.poll(builtRows, { timeout: 20_000 }).toBeGreaterThan(built);
    await expectAggregateMatchesDirect();
  });

  it('takes in records changed after the last refresh at the next incremental refresh', async () => {
    const sql = stores.database.sql;
    const p9 = ids.get('P9') ?? '';
    // P9 becomes identified in 2025; P7 walks in again on another hotline; P1 gets legal aid.
    await sql`update people set victim_status = 'identified', identification_date = '2025-08-01',
      updated_at = now() where id = ${p9}`;
    await sql`insert into contacts (id, case_id, hotline, channel, language, caller_type, contact_type, occurred_at)
      values (${randomUUID()}, ${ids.get('case:P7') ?? ''}, '1554', 'walk_in', 'lo', 'self', 'crisis',
        '2025-11-11T10:00:00+07:00')`;
    const [ticket] = await sql<Array<{ id: string }>>`
      select t.id from tickets t join referrals r on r.id = t.referral_id where r.person_id = ${ids.get('P1') ?? ''}`;
    await sql`insert into ticket_services (ticket_id, case_id, service, given_on)
      values (${ticket?.id ?? ''}, ${ids.get('case:P1') ?? ''}, 'legal_aid', '2025-12-01')`;

    const before = await readNationalTallies(sql, 2025, { hotlines: null });
    // A report before the refresh answers from the aggregates as they were (report-freshness.test.ts).
    expect(
      await loadNationalTallies(sql, year2025, { hotlines: null, provinceCode: null }),
    ).toEqual(before);
    await refreshReportAggregates(sql, { full: false, wait: true });
    const now = await loadNationalTallies(sql, year2025, { hotlines: null, provinceCode: null });
    expect(now.summary.identified?.total).toBe((before.summary.identified?.total ?? 0) + 1);
    expect(now.counselling.face_to_face?.sessions).toBe(
      (before.counselling.face_to_face?.sessions ?? 0) + 1,
    );
    await expectAggregateMatchesDirect();
  });

  it('drops deleted records at the next refresh, not only at the daily full rebuild', async () => {
    const sql = stores.database.sql;
    const all = { hotlines: null, provinceCode: null };
    const before = await computeNationalTallies(sql, year2025, all);
    // A person taken off a case, a case's contacts and a recorded service deleted (retention).
    await sql`delete from case_people where case_id = ${ids.get('case:P7') ?? ''}`;
    await sql`delete from contacts where case_id = ${ids.get('case:P2') ?? ''}`;
    await sql`delete from ticket_services where case_id = ${ids.get('case:P1') ?? ''}`;
    expect(await computeNationalTallies(sql, year2025, all)).not.toEqual(before);
    const changes = await refreshReportAggregates(sql, { full: false, wait: true });
    expect(changes).toMatchObject({ full: false });
    expect(changes?.people).toBeGreaterThan(0);
    await expectAggregateMatchesDirect();
    const result = await refreshReportAggregates(sql, { full: true, wait: true });
    expect(result).toMatchObject({ full: true });
    await expectAggregateMatchesDirect();
  });
});
