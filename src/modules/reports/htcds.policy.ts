import {
  htcdsColumns,
  htcdsFields,
  htcdsLabourTypes,
  htcdsMethodsOfControl,
  htcdsRecordKeys,
  recruitmentMethodToHtcds,
  type THtcdsField,
} from './htcds-fields';

/** Plain facts about one victim on one case, read without decrypting anything. */
export type THtcdsSourceRow = {
  caseCode: string;
  personId: string;
  caseStatus: string;
  sex: string;
  nationalities: readonly string[];
  provinceCode: string | null;
  consented: boolean;
  forms: readonly string[];
  labourSector: string | null;
  recruitmentMethod: string | null;
  meansOfControl: readonly string[];
  referredTo: readonly string[];
  firstReferredOn: string | null;
};

export type THtcdsRecord = Record<string, string>;

/** Multi-select picklists hold their value names separated by ';', as the standard's tools do. */
export const MULTI_SEPARATOR = ';';

/** snake_case code → the standard's PascalCase value name, when one matches exactly. */
function valueName(code: string, values: readonly string[]): string | null {
  const pascal = code
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return values.find((v) => v.toLowerCase() === pascal.toLowerCase()) ?? null;
}

const gender: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Transgender/NonConforming',
  unknown: 'Unknown',
};
const caseStatus: Record<string, string> = {
  open: 'Active',
  active: 'Active',
  follow_up: 'FollowUp',
  closed: 'Closed',
  closed_referred: 'ClosedReferred',
};

const multi = (values: Iterable<string>) => [...new Set(values)].sort().join(MULTI_SEPARATOR);

/** One export row: every column present, empty fields as ''. */
export function toHtcdsRecord(row: THtcdsSourceRow): THtcdsRecord {
  const record: THtcdsRecord = Object.fromEntries(htcdsColumns.map((c) => [c, '']));
  record.sd_CaseCode = row.caseCode;
  record.sd_PersonRef = row.personId;
  record.prs_Gender = gender[row.sex] ?? 'Unknown';
  record.prs_Nationality = row.nationalities[0] ?? '';
  record.prs_MailingState = row.provinceCode ?? '';
  record.prs_MailingCountry = row.provinceCode ? 'LA' : '';
  record.vic_AgreementToManagePersonalData = String(row.consented);
  // A code the list does not know (none today) is Other, as for the methods of control.
  if (row.recruitmentMethod)
    record.vic_MethodOfRecruitment = recruitmentMethodToHtcds[row.recruitmentMethod] ?? 'Other';
  record.vic_MethodsOfControl = multi(
    row.meansOfControl.map((m) => valueName(m, htcdsMethodsOfControl) ?? 'Other'),
  );
  if (row.forms.includes('forced_labour'))
    record.vic_TypeOfLabourExploitation = row.labourSector
      ? (valueName(row.labourSector, htcdsLabourTypes) ?? 'Other')
      : '';
  if (row.forms.includes('online_sexual_exploitation'))
    record.vic_TypeOfSexExploitation = 'RemoteInteractiveServices';
  record.cas_Status = caseStatus[row.caseStatus] ?? '';
  record.cas_ReferredOrganisation = [...new Set(row.referredTo)].sort().join('; ');
  record.cas_OutgoingReferralDate = row.firstReferredOn ?? '';
  return record;
}

const ISO_3166 = /^[A-Z]{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function fieldProblem(field: THtcdsField, value: string): string | null {
  if (value === '') return null;
  if (field.source === null) return 'must be empty: we leave this field out';
  const inList = (v: string) =>
    field.values === 'iso3166' ? ISO_3166.test(v) : !field.values || field.values.includes(v);
  switch (field.type) {
    case 'date':
      return ISO_DATE.test(value) ? null : 'not a YYYY-MM-DD date';
    case 'checkbox':
      return value === 'true' || value === 'false' ? null : 'not true/false';
    case 'picklist':
      return inList(value) ? null : `not a value of the picklist: ${value}`;
    case 'multipicklist': {
      const bad = value.split(MULTI_SEPARATOR).filter((v) => !inList(v));
      return bad.length === 0 ? null : `not values of the picklist: ${bad.join(',')}`;
    }
    case 'text':
      return field.values === 'iso3166' && !ISO_3166.test(value) ? 'not an ISO 3166 code' : null;
  }
}

/**
 * What is wrong with an export row against our HTCDS field list: an unknown column, a missing
 * one, a value of the wrong type or outside its picklist. Empty when the row conforms.
 */
export function htcdsProblems(record: THtcdsRecord): string[] {
  const known = new Map(htcdsFields.map((f) => [f.name, f]));
  const keys = new Set<string>(htcdsRecordKeys);
  const problems: string[] = [];
  for (const [column, value] of Object.entries(record)) {
    const field = known.get(column);
    if (!field && !keys.has(column)) problems.push(`${column}: not an HTCDS field`);
    const problem = field ? fieldProblem(field, value) : null;
    if (problem) problems.push(`${column}: ${problem}`);
  }
  for (const column of htcdsColumns) if (!(column in record)) problems.push(`${column}: missing`);
  return problems;
}
