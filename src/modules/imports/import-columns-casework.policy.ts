import { caseRiskLevels, caseStatuses } from '../../../db/schema/cases';
import serviceCatalogue from '../../../db/seed-data/service-kinds.json';
import taxonomy from '../../../db/seed-data/taxonomy.json';
import { caseClosureReasons } from '../../contracts/case-lifecycle';
import {
  caseExternalId,
  day,
  externalId,
  instant,
  oneOf,
  personExternalId,
  quantity,
  text,
  type TCellProblem,
  type TImportColumn,
} from './import-cells.policy';

const serviceCodes = serviceCatalogue.serviceKinds.map((k) => k.code);
const issueCodes = taxonomy.exploitationForms.map((f) => f.code);

/** A historical case: its own dates, status and issue; people and services join it by its id. */
export const caseColumns: readonly TImportColumn[] = [
  externalId,
  { key: 'opened_at', lo: 'ວັນທີເປີດກໍລະນີ', en: 'Opened on', required: true, parse: instant },
  {
    key: 'status',
    lo: 'ສະຖານະ',
    en: 'Status',
    required: false,
    values: caseStatuses,
    parse: oneOf(caseStatuses),
  },
  { key: 'closed_at', lo: 'ວັນທີປິດກໍລະນີ', en: 'Closed on', required: false, parse: instant },
  {
    key: 'closure_reason',
    lo: 'ເຫດຜົນການປິດ',
    en: 'Closure reason',
    required: false,
    values: caseClosureReasons,
    parse: oneOf(caseClosureReasons),
  },
  {
    key: 'risk_level',
    lo: 'ລະດັບຄວາມສ່ຽງ',
    en: 'Risk level',
    required: false,
    values: caseRiskLevels,
    parse: oneOf(caseRiskLevels),
  },
  { key: 'province_code', lo: 'ລະຫັດແຂວງ', en: 'Province code', required: false, parse: text(10) },
  {
    key: 'category_code',
    lo: 'ບັນຫາ (ຮູບແບບການຂູດຮີດ)',
    en: 'Issue (form of exploitation)',
    required: false,
    values: issueCodes,
    parse: oneOf(issueCodes),
  },
  { key: 'summary', lo: 'ສະຫຼຸບ', en: 'Summary', required: false, parse: text(5000) },
];

/** A service given in the old system: to a person (or a case's victims), on a day, n times. */
export const serviceEventColumns: readonly TImportColumn[] = [
  externalId,
  personExternalId(false),
  caseExternalId,
  {
    key: 'service',
    lo: 'ບໍລິການ',
    en: 'Service',
    required: true,
    values: serviceCodes,
    parse: oneOf(serviceCodes),
  },
  { key: 'given_on', lo: 'ວັນທີໃຫ້ບໍລິການ', en: 'Given on', required: true, parse: day },
  { key: 'quantity', lo: 'ຈຳນວນຄັ້ງ', en: 'Times', required: false, parse: quantity },
  { key: 'ends_on', lo: 'ວັນທີອອກ (ທີ່ພັກ)', en: 'Left on (shelter)', required: false, parse: day },
  {
    key: 'organisation',
    lo: 'ອົງການທີ່ໃຫ້ບໍລິການ (ລະຫັດ)',
    en: 'Organisation that gave it (key)',
    required: false,
    parse: text(100),
  },
];

type TProblem = { column: string; code: TCellProblem };
const isoDay = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/**
 * Checks between cells of one good row: a case closed before it opened, a stay that ended before
 * it began, a service event about nobody. Pure, like the cell checks.
 */
export function crossCheck(kind: string, values: Record<string, unknown>): TProblem[] {
  if (kind === 'cases' && values.closed_at && isoDay(values.closed_at) < isoDay(values.opened_at))
    return [{ column: 'closed_at', code: 'before_start' }];
  if (kind !== 'service_events') return [];
  if (!values.person_external_id && !values.case_external_id)
    return [{ column: 'person_external_id', code: 'person_or_case' }];
  if (values.ends_on && String(values.ends_on) < String(values.given_on))
    return [{ column: 'ends_on', code: 'before_start' }];
  return [];
}
