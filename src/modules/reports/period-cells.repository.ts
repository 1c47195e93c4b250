import type { PendingQuery, Row, TransactionSql } from 'postgres';
import { counsellingModeSql, givenServicesSql, personFactsSql } from './national-sql.fragments';

const TEXT_ARRAY = 1009;
type TFragment = PendingQuery<Row[]>;

/**
 * The calendar periods whose national tables are kept as person rows summed into cells: a year
 * (the annual report) and a quarter. A period's people are distinct people, so neither can be
 * summed from shorter periods. Each unit names its tables and how a Lao date or key maps to the
 * period (SQL text built from these constants only, never from input).
 */
type TCellUnit = {
  people: string;
  cells: string;
  /** The key column (an int year, or the quarter's first day as a date) and its type. */
  key: string;
  keyType: string;
  identified: string;
  /** The period key of a Lao date expression. */
  of: (day: string) => string;
  /** The period's last day as a date, from its key. */
  lastDay: (key: string) => string;
  /** The period's first and last day as text, from its key, for the text service dates. */
  firstText: (key: string) => string;
  lastText: (key: string) => string;
};

export const cellUnits = {
  year: {
    people: 'report_person_years',
    cells: 'report_year_cells',
    key: 'year',
    keyType: 'int',
    identified: 'identified_in_year',
    of: (day) => `extract(year from ${day})::int`,
    lastDay: (key) => `make_date(${key}, 12, 31)`,
    firstText: (key) => `make_date(${key}, 1, 1)::text`,
    lastText: (key) => `make_date(${key}, 12, 31)::text`,
  },
  quarter: {
    people: 'report_person_quarters',
    cells: 'report_quarter_cells',
    key: 'quarter',
    keyType: 'date',
    identified: 'identified_in_quarter',
    of: (day) => `date_trunc('quarter', ${day})::date`,
    lastDay: (key) => `(${key} + interval '3 months' - interval '1 day')::date`,
    firstText: (key) => `${key}::text`,
    lastText: (key) => `(${key} + interval '3 months' - interval '1 day')::date::text`,
  },
} as const satisfies Record<string, TCellUnit>;
export type TCellUnitName = keyof typeof cellUnits;
export const cellUnitNames = Object.keys(cellUnits) as TCellUnitName[];

/** Rebuilds every unit's person rows and cells from the records (the daily full rebuild). */
export async function rebuildAllPeriodCells(tx: TransactionSql): Promise<number> {
  let people = 0;
  for (const name of cellUnitNames) {
    await tx`delete from ${tx.unsafe(cellUnits[name].people)}`;
    const inserted = await insertPersonPeriods(tx, name, null);
    if (name === 'year') people = inserted;
    await rebuildPeriodCells(tx, name);
  }
  return people;
}

/**
 * Recomputes the person rows of the given (changed) people and applies the difference to the
 * cells: their old rows' cells subtracted, their new rows' cells added (a re-dated contact moves a
 * person from one quarter to another). Re-summing every touched period instead would read a whole
 * year or quarter of person rows for each report that follows a few edits.
 */
export async function refreshPeoplePeriodCells(tx: TransactionSql, ids: string[]): Promise<void> {
  const idArray = tx.array(ids, TEXT_ARRAY);
  for (const name of cellUnitNames) {
    const unit = cellUnits[name];
    const u = (text: string) => tx.unsafe(text);
    const delta = u(`${unit.cells}_delta`);
    const theirs = () =>
      tx`(select * from ${u(unit.people)} where person_id = any(${idArray}::uuid[])) py`;
    await tx`drop table if exists ${delta}`;
    await tx`create temp table ${delta} on commit drop as ${cellSumsSql(tx, name, theirs(), -1)}`;
    await tx`delete from ${u(unit.people)} where person_id = any(${idArray}::uuid[])`;
    await insertPersonPeriods(tx, name, ids);
    await tx`insert into ${delta} ${cellSumsSql(tx, name, theirs(), 1)}`;
    await mergeCellDelta(tx, name);
  }
}

/**
 * One row per person and period in which they were identified, contacted or given a service:
 * the same facts the direct query (reports.repository.ts) derives for that period.
 */
async function insertPersonPeriods(
  tx: TransactionSql,
  name: TCellUnitName,
  ids: string[] | null,
): Promise<number> {
  const unit = cellUnits[name];
  const u = (text: string) => tx.unsafe(text);
  const only = ids === null ? tx`true` : tx`person_id = any(${tx.array(ids, TEXT_ARRAY)}::uuid[])`;
  const onlyPeople =
    ids === null ? tx`true` : tx`pe.id = any(${tx.array(ids, TEXT_ARRAY)}::uuid[])`;
  const inserted = await tx`
    insert into ${u(unit.people)} (${u(unit.key)}, person_id, hotline, province_code, female, under18,
      nationality, abroad, forms, status, ${u(unit.identified)}, services, continuing,
      contact_hotlines, modes, hotline_modes)
    with cf as (
      select cp.person_id, ${u(unit.of("(c.occurred_at at time zone 'Asia/Vientiane')"))} as pk,
        c.hotline, ${counsellingModeSql(tx)} as mode
      from contacts c
      join case_people cp on cp.case_id = c.case_id and cp.role <> 'other_party'
    ),
    cy as (
      select person_id, pk, array_agg(distinct hotline) as hotlines,
        coalesce(array_agg(distinct mode) filter (where mode is not null), '{}') as modes,
        coalesce(array_agg(distinct mode || ':' || hotline) filter (where mode is not null), '{}') as hotline_modes
      from cf where ${only} group by person_id, pk
    ),
    -- Services by their recorded day (text): the period whose first and last days, compared as
    -- text as the direct query compares them, hold it.
    -- (A day that cannot be placed, e.g. year 0000, falls in no period: none of it is read.)
    sg as (
      select person_id, kind, given_on,
        ${u(
          unit.of(`case when given_on ~ '^[0-9]{4}-(0[1-9]|1[0-2])' and left(given_on, 4) <> '0000'
          then make_date(left(given_on, 4)::int, substr(given_on, 6, 2)::int, 1) end`),
        )} as pk
      from (${givenServicesSql(tx)}) g
      where person_id is not null and ${only}
    ),
    sy as (
      select person_id, pk, array_agg(distinct kind) as kinds from sg
      where pk is not null and given_on between ${u(unit.firstText('pk'))} and ${u(unit.lastText('pk'))}
      group by 1, 2
    ),
    iy as (
      select pe.id as person_id, ${u(unit.of('pe.identification_date'))} as pk from people pe
      where pe.victim_status = 'identified' and pe.identification_date is not null and ${onlyPeople}
    ),
    -- First seen: the period of the first contact or of the identification (continuing after it).
    fy as (
      select person_id, min(pk) as pk from (
        select person_id, pk from cy
        union all select pe.id, ${u(unit.of('pe.identification_date'))} from people pe
          where pe.identification_date is not null and ${onlyPeople}) f
      group by person_id
    ),
    keys as (
      select person_id, pk from cy union select person_id, pk from sy
      union select person_id, pk from iy
    )
    select k.pk, pe.id, pe.hotline, pe.residence_province_code, pe.sex = 'female',
      pe.under18_at_identification is true, f.nat, f.abroad, f.forms,
      case when pe.victim_status = 'not_victim' then null
        when pe.victim_status = 'identified' and pe.identification_date <= ${u(unit.lastDay('k.pk'))}
          then 'summary' else 'possible' end,
      pe.victim_status = 'identified' and pe.identification_date is not null
        and ${u(unit.of('pe.identification_date'))} = k.pk,
      coalesce(sy.kinds, '{}'),
      coalesce(fy.pk < k.pk, false),
      coalesce(cy.hotlines, '{}'), coalesce(cy.modes, '{}'), coalesce(cy.hotline_modes, '{}')
    from keys k
    join people pe on pe.id = k.person_id
    cross join lateral (select ${personFactsSql(tx)}) f
    left join cy on cy.person_id = k.person_id and cy.pk = k.pk
    left join sy on sy.person_id = k.person_id and sy.pk = k.pk
    left join fy on fy.person_id = k.person_id`;
  return inserted.count;
}

/** Sums every person row of the unit into its cells (the full rebuild). */
async function rebuildPeriodCells(tx: TransactionSql, name: TCellUnitName): Promise<void> {
  const unit = cellUnits[name];
  await tx`delete from ${tx.unsafe(unit.cells)}`;
  await tx`insert into ${tx.unsafe(unit.cells)} (${tx.unsafe(CELL_COLUMNS(unit.key))})
    ${cellSumsSql(tx, name, tx`${tx.unsafe(unit.people)} py`, 1)}`;
}

const CELL_COLUMNS = (key: string) => `${key}, hotline, province_code, contact_hotlines, modes,
  hotline_modes, served, part, table_key, row_key, people, female, under18, female_under18, continuing`;
/** What places a cell: every column but the counts. */
const CELL_PLACE = [
  'hotline',
  'contact_hotlines',
  'modes',
  'hotline_modes',
  'served',
  'part',
  'table_key',
  'row_key',
];

/**
 * The cells of the person rows `py` (a fragment naming them `py`), counts times `sign`: for each
 * person the table cells they count in (the keys of the direct query's `keyed` and `counselled`),
 * grouped by what the hotline and province filters need to see. Columns in CELL_COLUMNS order.
 */
function cellSumsSql(tx: TransactionSql, name: TCellUnitName, py: TFragment, sign: 1 | -1) {
  const unit = cellUnits[name];
  const u = (text: string) => tx.unsafe(text);
  const n = (filter: string) => u(`${sign} * count(*)${filter}`);
  return tx`
    select ${u(unit.key)}, hotline, province_code, contact_hotlines, modes, hotline_modes,
      cardinality(services) > 0 as served, part, t as table_key, k as row_key,
      ${n('')} as people, ${n(' filter (where female)')} as female,
      ${n(' filter (where under18)')} as under18, ${n(' filter (where female and under18)')} as female_under18,
      ${n(' filter (where continuing)')} as continuing
    from ${py}
    cross join lateral (
      select 'identified' as part, x.t, x.k from (values ('summary', 'identified'),
        ('nationality', py.nationality), ('province', coalesce(py.province_code, 'unknown')),
        ('origin', case when py.abroad is null then 'domestic' else 'abroad' end),
        ('origin', 'abroad:' || py.abroad),
        ('forms', case when cardinality(py.forms) > 1 then 'several' end),
        ('forms', case when cardinality(py.forms) = 0 then 'not_recorded' end),
        ('forms', 'total')) x(t, k)
      where py.${u(unit.identified)} and x.k is not null
      union all select 'identified', 'forms', form from unnest(py.forms) form where py.${u(unit.identified)}
      union all select 'touched', py.status, x.k from (values
        (case when py.status = 'possible' then 'recorded' end),
        (case when cardinality(py.services) > 0 then 'assisted' end),
        (case when 'shelter' = any(py.services) then 'sheltered' end),
        (case when 'reintegration' = any(py.services) then 'reintegrated' end),
        (case when 'follow_up' = any(py.services) then 'followed_up' end)) x(k)
      where py.status is not null and x.k is not null
      union all select 'touched', 'services', kind from unnest(py.services) kind where py.status = 'summary'
      union all select 'touched', 'services', 'any'
        where py.status = 'summary' and cardinality(py.services) > 0
      union all select 'counselled', 'counselling-people', m from unnest(py.modes) m
      union all select 'counselled', 'counselling-people', 'total' where cardinality(py.modes) > 0
    ) keys
    group by ${u(unit.key)}, hotline, province_code, contact_hotlines, modes, hotline_modes,
      cardinality(services) > 0, part, t, k`;
}

/**
 * Adds the summed delta (`<cells>_delta`) to the cells: a cell that exists gets the difference, a
 * new one is inserted, and a cell left with no people is removed, so the cells stay what a full
 * re-sum would give.
 */
async function mergeCellDelta(tx: TransactionSql, name: TCellUnitName): Promise<void> {
  const unit = cellUnits[name];
  const u = (text: string) => tx.unsafe(text);
  const same = (a: string, b: string) =>
    u(
      [unit.key, ...CELL_PLACE].map((c) => `${a}.${c} = ${b}.${c}`).join(' and ') +
        ` and ${a}.province_code is not distinct from ${b}.province_code`,
    );
  const counts = ['people', 'female', 'under18', 'female_under18', 'continuing'];
  await tx`
    with d as (
      select ${u(unit.key)}, province_code, ${u(CELL_PLACE.join(', '))},
        ${u(counts.map((c) => `sum(${c})::int as ${c}`).join(', '))}
      from ${u(`${unit.cells}_delta`)}
      group by ${u(unit.key)}, province_code, ${u(CELL_PLACE.join(', '))}
      having ${u(counts.map((c) => `sum(${c}) <> 0`).join(' or '))}
    ),
    changed as (
      update ${u(unit.cells)} c set ${u(counts.map((x) => `${x} = c.${x} + d.${x}`).join(', '))}
      from d where ${same('c', 'd')}
      returning c.*
    )
    insert into ${u(unit.cells)} (${u(CELL_COLUMNS(unit.key))})
    select ${u(CELL_COLUMNS(unit.key).replace(/(\w+)/g, 'd.$1'))} from d
    where not exists (select 1 from changed c where ${same('c', 'd')})`;
  await tx`delete from ${u(unit.cells)} where people = 0 and ${u(unit.key)} in (
    select ${u(unit.key)} from ${u(`${unit.cells}_delta`)})`;
}
