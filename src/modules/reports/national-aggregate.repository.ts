import type { TSql } from '../../infra/database';
import { nationalTallyTailSql } from './national-sql.fragments';
import type { TNationalTallies } from './national-statistics.types';
import type { TReportScope } from './report-filters';
import { toTallies, type TNationalRow } from './reports.repository';

/**
 * The national tallies of one calendar year read from the person-year aggregate: one row per
 * person touched in the year instead of a year of contacts joined to cases, people and services.
 * Same CTE shapes and tail as the direct query, so both give the same cells (tests hold them to
 * it). Province filters are not served here: sessions would need each contact's people.
 */
export async function readNationalTallies(
  sql: TSql,
  year: number,
  scope: Pick<TReportScope, 'hotlines'>,
): Promise<TNationalTallies> {
  const list = scope.hotlines ? sql.array([...scope.hotlines], 1009) : null;
  const hotlines = scope.hotlines ?? [];
  const modesOf = (mode: string) =>
    list === null
      ? sql`${mode} = any(modes)`
      : sql`hotline_modes && ${sql.array(
          hotlines.map((h) => `${mode}:${h}`),
          1009,
        )}::text[]`;
  const contacted =
    list === null
      ? sql`cardinality(contact_hotlines) > 0`
      : sql`contact_hotlines && ${list}::text[]`;
  const rows = await sql<TNationalRow[]>`
    with py as materialized (
      select * from report_person_years
      where year = ${year} and (${list}::text[] is null or hotline = any(${list}::text[]))
    ),
    idp as (
      select female as f, under18 as u, nationality as nat, coalesce(province_code, 'unknown') as prov,
        abroad, forms
      from py where identified_in_year
    ),
    people_in as materialized (
      select female as f, under18 as u, status as st, services as kinds, continuing,
        ${modesOf('hotline')} as m_hotline, ${modesOf('phone')} as m_phone,
        ${modesOf('face_to_face')} as m_face
      from py where cardinality(services) > 0 or ${contacted}
    ),
    ${nationalTallyTailSql(
      sql,
      sql`select 'counselling', coalesce(mode, 'total'), 0, coalesce(sum(sessions), 0)::int, 0, 0, 0
      from report_session_days
      where day between make_date(${year}, 1, 1) and make_date(${year}, 12, 31)
        and (${list}::text[] is null or hotline = any(${list}::text[]))
      group by rollup(mode)`,
    )}`;
  return toTallies(rows);
}
