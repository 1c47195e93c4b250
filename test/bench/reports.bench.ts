import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type TSql } from '../../src/infra/database';
import { runMigrations } from '../../db/migrate';
import { startEmbeddedPostgres } from '../../scripts/local/embedded-postgres';
import { freePort } from '../../scripts/local/free-port';
import { loadAgencyFigures } from '../../src/modules/reports/agencies.repository';
import { loadCounselledMatters } from '../../src/modules/reports/counselled-matters.repository';
import { loadNationalEvents } from '../../src/modules/reports/national-events.repository';
import { loadNationalTallies } from '../../src/modules/reports/national-tallies.service';
import { refreshReportAggregates } from '../../src/modules/reports/report-aggregates.repository';
import { readAggregateFreshness } from '../../src/modules/reports/report-freshness.repository';
import { computeNationalTallies } from '../../src/modules/reports/reports.repository';
import { computeOperations } from '../../src/modules/reports/operations.repository';
import { loadOperations } from '../../src/modules/reports/operations.service';
import { buildNationalTables } from '../../src/modules/reports/national-tables.policy';
import { operationsTables } from '../../src/modules/reports/operations.policy';
import { generateReportData } from './reports-bench.data';

// npm run bench:reports — 1,000,000 contacts and 300,000 people (three years), then the yearly
// national statistics and the operations report timed next to plain COUNT(*)s in the same run.
// Both reports are timed computed directly and from their aggregates (after the full rebuild and
// a refresh with nothing changed, both timed too). A database kept from before people gained
// first_contact_at or report_service_people existed needs them added (run db/migrate) first.
// `-- --scale 0.3` generates that fraction of every count (a loaded machine; the output says so).
const scaleAt = process.argv.indexOf('--scale');
const SCALE = scaleAt > 0 ? Number(process.argv[scaleAt + 1]) : 1;
const COUNTS = {
  people: Math.round(300_000 * SCALE),
  contacts: Math.round(1_000_000 * SCALE),
  calls: Math.round(1_000_000 * SCALE),
};
const RUNS = 5;
const year = { from: '2025-01-01', to: '2025-12-31' };
const scope = { hotlines: null, provinceCode: null };

// `-- --only <text>` times only the lines whose label contains it (the aggregates are still built,
// the baselines still timed).
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;

async function time(
  label: string,
  run: () => Promise<unknown>,
  runs = RUNS,
  /** Run before each timed run, outside the timing (the edits a report follows). */
  prepare?: () => Promise<unknown>,
): Promise<void> {
  const always = label.startsWith('aggregates:') || label.startsWith('baseline:');
  if (ONLY !== undefined && !label.includes(ONLY) && !always) return;
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    if (prepare) await prepare();
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const fmt = (v: number | undefined) => `${(v ?? 0).toFixed(0).padStart(6)} ms`;
  // The machine may be shared: each line says how loaded it was (1-minute load average).
  const load = `load ${loadavg()[0]?.toFixed(1) ?? '?'}`;
  console.log(
    `${label.padEnd(48)} median ${fmt(ms[Math.floor(runs / 2)])}  best ${fmt(ms[0])}  ${load}`,
  );
}

/** JSON with every object's keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

async function main(): Promise<void> {
  // `-- --keep <dir>` keeps the generated database there and reuses it on the next run.
  const keepAt = process.argv.indexOf('--keep');
  const kept = keepAt > 0 ? process.argv[keepAt + 1] : undefined;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'saiduan-bench-'));
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: await freePort(),
    password: 'bench',
    database: 'bench',
  });
  const handle = openDatabase(pg.url, { max: 4 });
  // The reports' own connection without the app's 15 s statement limit: the direct national
  // query can take longer than that on a loaded machine, and the bench must still print it.
  const unlimited = postgres(pg.url, {
    max: 4,
    onnotice: () => {},
    connection: { statement_timeout: 0 },
  });
  try {
    // A kept database is reused as it is, even if the single pre-release migration changed since.
    const [kept] = await handle.sql<Array<{ n: number }>>`
      select count(*)::int as n from pg_tables where tablename = 'people'`;
    if (kept?.n) return await report(unlimited);
    await runMigrations(handle);
    console.log(
      `generating ${COUNTS.people} people, ${COUNTS.contacts} contacts, ${COUNTS.calls} calls`,
    );
    // Generation runs for minutes: its own connection, without the app's statement timeout.
    const loader = postgres(pg.url, {
      max: 1,
      onnotice: () => {},
      connection: { statement_timeout: 0, synchronous_commit: 'off' },
    });
    await generateReportData(loader, COUNTS);
    await loader.end();
    await report(unlimited);
  } finally {
    await unlimited.end();
    await handle.close();
    await pg.stop();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

async function report(sql: TSql): Promise<void> {
  const [sizes] = await sql<Array<{ people: number; contacts: number; calls: number }>>`
    select (select count(*) from people)::int as people, (select count(*) from contacts)::int as contacts,
      (select count(*) from calls)::int as calls`;
  console.log(
    `rows: ${JSON.stringify(sizes)}${SCALE === 1 ? '' : ` (reduced: scale ${SCALE})`}; yearly reports over ${year.from}..${year.to}; ${RUNS} runs each`,
  );
  await time('baseline: select count(*) from contacts', () => sql`select count(*) from contacts`);
  await time(
    'national statistics computed directly',
    async () => buildNationalTables(await computeNationalTallies(sql, year, scope)),
    3,
  );
  await time(
    'aggregates: full rebuild (daily job)',
    () => refreshReportAggregates(sql, { full: true, wait: true }),
    1,
  );
  await time('aggregates: refresh with nothing changed', () =>
    refreshReportAggregates(sql, { full: false, wait: true }),
  );
  await time('national statistics (year, all hotlines)', async () =>
    buildNationalTables(await loadNationalTallies(sql, year, scope)),
  );
  await time('baseline: select count(*) from calls', () => sql`select count(*) from calls`);
  await time(
    'operations report computed directly',
    async () => operationsTables(await computeOperations(sql, year, scope)),
    3,
  );
  await time('operations report (year, all hotlines)', async () =>
    operationsTables(await loadOperations(sql, year, scope)),
  );
  await time('operations report (year, hotline 1362)', async () =>
    operationsTables(await loadOperations(sql, year, { hotlines: ['1362'], provinceCode: null })),
  );
  // Late status callbacks on old calls, as Twilio may send. Before: the request recomputed those
  // hours itself, then read. After: it reads the last complete aggregates and says as of when
  // (a few index probes); the worker's job recomputes them, timed on its own line.
  const changeCalls = () => sql`update calls set queue_result = 'hangup', updated_at = now()
      where id in (select id from calls tablesample system (1) limit 100)`;
  await time(
    'operations report after 100 calls changed, before: refresh in the request',
    async () => {
      await refreshReportAggregates(sql, { full: false, wait: false });
      return operationsTables(await loadOperations(sql, year, scope));
    },
    RUNS,
    changeCalls,
  );
  await time(
    'operations report after 100 calls changed, after: last aggregates + as-of',
    async () => {
      const freshness = await readAggregateFreshness(sql, 'operations');
      if (!freshness?.updating) throw new Error('the edits should show as not yet counted');
      return operationsTables(await loadOperations(sql, year, scope));
    },
    RUNS,
    changeCalls,
  );
  await time(
    'worker: refresh after 100 calls changed (off the request)',
    () => refreshReportAggregates(sql, { full: false, wait: true }),
    RUNS,
    changeCalls,
  );
  await time('national statistics (year, hotline 1362)', async () =>
    buildNationalTables(
      await loadNationalTallies(sql, year, { hotlines: ['1362'], provinceCode: null }),
    ),
  );
  // Months and quarters: before (computed directly from the period's contacts, as every period
  // but a calendar year was until the month aggregates) and after (loadNationalTallies: a
  // calendar quarter from the quarter cells, a month from the person-month and session-day
  // aggregates). A custom range cutting a month is still direct.
  const quarter = { from: '2025-04-01', to: '2025-06-30' };
  const month = { from: '2025-06-01', to: '2025-06-30' };
  const vientiane = { hotlines: null, provinceCode: 'LA-VT' };
  const hotline1362 = { hotlines: ['1362'], provinceCode: null };
  for (const [label, period, filter] of [
    ['quarter', quarter, scope],
    ['month', month, scope],
    ['quarter, province LA-VT', quarter, vientiane],
    ['month, hotline 1362', month, hotline1362],
  ] as const) {
    await time(
      `national statistics (${label}) before: direct`,
      async () => buildNationalTables(await computeNationalTallies(sql, period, filter)),
      3,
    );
    await time(`national statistics (${label}) after: aggregates`, async () =>
      buildNationalTables(await loadNationalTallies(sql, period, filter)),
    );
  }
  // A desk's edits between two reports. Before: the changed people's years, quarters and months
  // were recomputed (and those periods' cells re-summed) inside the request before it answered.
  // After: the request reads the last complete aggregates and says as of when; the worker's job
  // does the recomputing (its own line).
  const changeContacts = () => sql`update contacts set updated_at = now()
      where id in (select id from contacts tablesample system (1) limit 100)`;
  for (const [label, period] of [
    ['quarter', quarter],
    ['month', month],
    ['year', year],
  ] as const) {
    await time(
      `national statistics (${label}) after 100 contacts changed, before: refresh in the request`,
      async () => {
        await refreshReportAggregates(sql, { full: false, wait: false, operations: false });
        return buildNationalTables(await loadNationalTallies(sql, period, scope));
      },
      RUNS,
      changeContacts,
    );
    await time(
      `national statistics (${label}) after 100 contacts changed, after: last aggregates + as-of`,
      async () => {
        const freshness = await readAggregateFreshness(sql, 'national');
        if (!freshness?.updating) throw new Error('the edits should show as not yet counted');
        return buildNationalTables(await loadNationalTallies(sql, period, scope));
      },
      RUNS,
      changeContacts,
    );
  }
  await time(
    'worker: refresh after 100 contacts changed (off the request)',
    () => refreshReportAggregates(sql, { full: false, wait: true }),
    RUNS,
    changeContacts,
  );
  await time(
    'national statistics (custom 10 Jun..9 Jul, direct)',
    async () =>
      buildNationalTables(
        await loadNationalTallies(sql, { from: '2025-06-10', to: '2025-07-09' }, scope),
      ),
    3,
  );
  await time(
    'national statistics (year, province LA-VT)',
    async () =>
      buildNationalTables(
        await loadNationalTallies(sql, year, { hotlines: null, provinceCode: 'LA-VT' }),
      ),
    3,
  );
  // Service events (people and times), the shelter census and sheltered by nationality: read
  // directly from the service events for any period.
  await time('service events and census (year)', () => loadNationalEvents(sql, year, scope));
  await time('service events and census (month, province LA-VT)', () =>
    loadNationalEvents(
      sql,
      { from: '2025-06-01', to: '2025-06-30' },
      { hotlines: null, provinceCode: 'LA-VT' },
    ),
  );
  await time('matters counselled (year, computed directly)', () =>
    loadCounselledMatters(sql, year, scope),
  );
  await time('matters counselled (quarter, province LA-VT)', () =>
    loadCounselledMatters(
      sql,
      { from: '2025-04-01', to: '2025-06-30' },
      { hotlines: null, provinceCode: 'LA-VT' },
    ),
  );
  await time('national statistics by agency (year)', () => loadAgencyFigures(sql, year, scope));
  await time('national statistics by agency (month, province LA-VT)', () =>
    loadAgencyFigures(
      sql,
      { from: '2025-06-01', to: '2025-06-30' },
      { hotlines: null, provinceCode: 'LA-VT' },
    ),
  );
  await time('operations report (month, all hotlines)', async () =>
    operationsTables(await loadOperations(sql, { from: '2025-06-01', to: '2025-06-30' }, scope)),
  );
  // The checks compare with the records as they are: the worker's refresh first.
  await refreshReportAggregates(sql, { full: false, wait: true });
  const ops = JSON.stringify(operationsTables(await loadOperations(sql, year, scope)));
  const opsDirect = JSON.stringify(operationsTables(await computeOperations(sql, year, scope)));
  console.log(`check: operations aggregate cells equal the direct ones: ${ops === opsDirect}`);
  for (const [label, period, filter] of [
    ['quarter', quarter, scope],
    ['month', month, scope],
    ['quarter, province LA-VT', quarter, vientiane],
    ['month, hotline 1362', month, hotline1362],
  ] as const) {
    // Keys sorted: the two queries may return the same rows in another order.
    const fast = canonical(await loadNationalTallies(sql, period, filter));
    const slow = canonical(await computeNationalTallies(sql, period, filter));
    console.log(`check: national ${label} from the aggregates equals the direct: ${fast === slow}`);
  }
  const identified = (await loadNationalTallies(sql, year, scope)).summary.identified;
  const direct = (await computeNationalTallies(sql, year, scope)).summary.identified;
  console.log(
    `check: identified in the year ${JSON.stringify(identified)} (direct: ${JSON.stringify(direct)})`,
  );
}

await main();
