import type { TImportKind, TImportRowError } from '../../../db/schema/imports';
import type { TDatabase } from '../../infra/database';
import type { TGoodRow } from './import-writers';
import {
  importedCases,
  importedPeople,
  organisationKeys,
  partnerUnitsByOrganisation,
} from './imports.repository';

type TChecked = TGoodRow & { row: number };
type TLookups = {
  units: Map<string, { id: string; organisationKey: string }>;
  organisations: Set<string>;
};

/** What a batch of this kind names by key, loaded once per run (small reference tables). */
export async function loadLookups(db: TDatabase, kind: TImportKind): Promise<TLookups> {
  return {
    units: kind === 'referrals' ? await partnerUnitsByOrganisation(db) : new Map(),
    organisations: kind === 'service_events' ? await organisationKeys(db) : new Set(),
  };
}

const keysOf = (rows: TChecked[], column: string) => [
  ...new Set(rows.map((r) => r.values[column]).filter((v): v is string => typeof v === 'string')),
];

/**
 * Resolves what each checked row refers to (an imported person or case, a partner, an
 * organisation). A row whose reference is unknown is failed with the column that names it, never
 * written half-linked.
 */
export async function resolveReferences(
  db: TDatabase,
  kind: TImportKind,
  hotline: string,
  rows: TChecked[],
  lookups: TLookups,
  fail: (e: TImportRowError) => void,
): Promise<TGoodRow[]> {
  const persons = await importedPeople(db, hotline, keysOf(rows, 'person_external_id'));
  const cases = await importedCases(db, hotline, keysOf(rows, 'case_external_id'));
  const good: TGoodRow[] = [];
  for (const r of rows) {
    const personKey = r.values.person_external_id as string | undefined;
    const person = personKey ? persons.get(personKey) : undefined;
    if (personKey && !person) {
      fail({ row: r.row, column: 'person_external_id', code: 'person_unknown' });
      continue;
    }
    const caseKey = r.values.case_external_id as string | undefined;
    const caseId = caseKey ? cases.get(caseKey) : undefined;
    if (caseKey && !caseId) {
      fail({ row: r.row, column: 'case_external_id', code: 'case_unknown' });
      continue;
    }
    const unit = kind === 'referrals' ? lookups.units.get(r.values.partner as string) : undefined;
    if (kind === 'referrals' && !unit) {
      fail({ row: r.row, column: 'partner', code: 'partner_unknown' });
      continue;
    }
    const organisation = r.values.organisation as string | undefined;
    if (kind === 'service_events' && organisation && !lookups.organisations.has(organisation)) {
      fail({ row: r.row, column: 'organisation', code: 'organisation_unknown' });
      continue;
    }
    good.push({ externalId: r.externalId, values: r.values, person, unit, caseId });
  }
  return good;
}
