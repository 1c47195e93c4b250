import type { TSql } from '../../infra/database';
import type { TNationalTallies } from './national-statistics.types';
import type { TReportScope } from './report-filters';
import { counsellingModeKeys } from './counselling-mode.policy';
import { joinFragments } from './national-sql.fragments';
import { toTallies, type TNationalRow } from './reports.repository';
import { sessionDaysSql } from './session-days.fragments';
import { cellUnits, type TCellUnitName } from './period-cells.repository';
import type { TPeriod } from './report-period.policy';

const TEXT_ARRAY = 1009;

/**
 * The national tallies of one calendar year summed from the year's cells (report_year_cells)
 * and session days: a few thousand rows instead of a year of contacts joined to cases, people
 * and services. The hotline filter is applied as the direct query does: people of the chosen
 * hotlines, "touched" when served or contacted through one of them, counselled in a mode when a
 * contact through one of them was in that mode. Tests hold it to the direct query's cells.
 * A province filter reads the cells of the people of that province, and the sessions by province
 * (report_session_province_days).
 */
export async function readNationalTallies(
  sql: TSql,
  year: number,
  scope: TCellScope,
): Promise<TNationalTallies> {
  return readCellTallies(
    sql,
    'year',
    String(year),
    { from: `${year}-01-01`, to: `${year}-12-31` },
    scope,
  );
}

/**
 * The national tallies of one calendar quarter (`period` exactly its first to its last day)
 * from its cells (report_quarter_cells), as readNationalTallies reads a year.
 */
export async function readQuarterTallies(
  sql: TSql,
  period: TPeriod,
  scope: TCellScope,
): Promise<TNationalTallies> {
  return readCellTallies(sql, 'quarter', period.from, period, scope);
}

type TCellScope = Pick<TReportScope, 'hotlines'> & { provinceCode?: string | null };

async function readCellTallies(
  sql: TSql,
  name: TCellUnitName,
  key: string,
  period: TPeriod,
  scope: TCellScope,
): Promise<TNationalTallies> {
  const unit = cellUnits[name];
  const hotlines = scope.hotlines ? [...scope.hotlines] : null;
  const list = hotlines ? sql.array(hotlines, TEXT_ARRAY) : null;
  const province = scope.provinceCode ?? null;
  const sessions = sessionDaysSql(sql, period, { hotlines, provinceCode: province });
  const modesOn = (modes: readonly string[]) =>
    sql.array(
      modes.flatMap((m) => (hotlines ?? []).map((h) => `${m}:${h}`)),
      TEXT_ARRAY,
    );
  const touched =
    hotlines === null
      ? sql`(served or cardinality(contact_hotlines) > 0)`
      : sql`(served or contact_hotlines && ${list}::text[])`;
  const inMode =
    hotlines === null
      ? sql`true`
      : sql`(case row_key ${joinFragments(
          sql,
          counsellingModeKeys.map(
            (m) => sql`when ${m} then hotline_modes && ${modesOn([m])}::text[]`,
          ),
          sql` `,
        )}
          else hotline_modes && ${modesOn(counsellingModeKeys)}::text[] end)`;
  const rows = await sql<TNationalRow[]>`
    with cells as (
      select * from ${sql.unsafe(unit.cells)}
      where ${sql.unsafe(unit.key)} = (${key}::text)::${sql.unsafe(unit.keyType)} and (${list}::text[] is null or hotline = any(${list}::text[]))
        and (${province}::text is null or province_code = ${province}::text)
    )
    select table_key as t, row_key as k, sum(people)::int as c1, sum(female)::int as c2, sum(under18)::int as c3,
      sum(female_under18)::int as c4, 0 as c5
    from cells
    where part = 'identified' or (part = 'touched' and ${touched})
    group by table_key, row_key
    union all
    select 'counselling', coalesce(mode, 'total'), 0, coalesce(sum(sessions), 0)::int, 0, 0, 0
    from (${sessions}) s
    group by rollup(mode)
    union all
    select 'counselling-people', row_key, 0, sum(people)::int, sum(female)::int,
      sum(people - continuing)::int, sum(continuing)::int
    from cells
    where part = 'counselled' and ${touched} and ${inMode}
    group by row_key`;
  return toTallies(rows);
}
