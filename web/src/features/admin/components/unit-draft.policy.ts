import { isApiError } from '../../../shared/api/api-error';
import {
  ZUnitInput,
  type TPartnerKind,
  type TUnitInput,
} from '../../../../../src/contracts/partner-directory';

/** The new-unit form as typed: lists as comma-separated text, ages as text. */
export type TUnitDraft = {
  organisationKey: string;
  nameLo: string;
  nameEn: string;
  kind: TPartnerKind;
  services: string[];
  provinces: string[];
  languages: string[];
  hours: TUnitInput['hours'];
  sexes: TUnitInput['intake']['sexes'];
  minAge: string;
  maxAge: string;
  nationalities: string;
  usesSystem: boolean;
  smsNumbers: string;
  webhookUrl: string;
  webhookSecret: string;
  active: boolean;
};

/** The form's fields, in screen order: each names the label shown when it needs fixing. */
export const draftFields = [
  'organisationKey',
  'nameLo',
  'nameEn',
  'kind',
  'services',
  'provinces',
  'languages',
  'hours',
  'sexes',
  'minAge',
  'maxAge',
  'nationalities',
  'usesSystem',
  'smsNumbers',
  'webhookUrl',
  'webhookSecret',
  'active',
] as const;
export type TDraftField = (typeof draftFields)[number];

export const emptyDraft: TUnitDraft = {
  organisationKey: '',
  nameLo: '',
  nameEn: '',
  kind: 'shelter',
  services: [],
  provinces: [],
  languages: ['lo'],
  hours: { alwaysOpen: true, weekly: {}, holidays: [] },
  sexes: [],
  minAge: '',
  maxAge: '',
  nationalities: '',
  usesSystem: true,
  smsNumbers: '',
  webhookUrl: '',
  webhookSecret: '',
  active: true,
};

const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
// An empty box is "any age"; anything else must be a whole number, which zod then checks.
const age = (text: string) => (text.trim() === '' ? null : Number(text));

/** What the form would send; the schema decides whether it may. */
function toInput(d: TUnitDraft) {
  return {
    organisationKey: d.organisationKey,
    nameLo: d.nameLo,
    nameEn: d.nameEn,
    kind: d.kind,
    services: d.services,
    provinces: d.provinces,
    languages: d.languages,
    // A 24/7 unit keeps no weekly ranges, so switching back later starts from a clean week.
    hours: d.hours.alwaysOpen ? { ...d.hours, weekly: {} } : d.hours,
    intake: {
      sexes: d.sexes,
      minAge: age(d.minAge),
      maxAge: age(d.maxAge),
      nationalities: splitList(d.nationalities.toUpperCase()),
    },
    focalPoints: [],
    usesSystem: d.usesSystem,
    smsNumbers: splitList(d.smsNumbers),
    webhookUrl: d.webhookUrl.trim() || null,
    webhookSecret: d.webhookSecret || null,
    active: d.active,
  };
}

/** A server or schema path (`/intake/maxAge`, `smsNumbers.0`) → the form field it belongs to. */
export function fieldOfPath(path: ReadonlyArray<PropertyKey> | string): TDraftField | null {
  const parts = (typeof path === 'string' ? path.split(/[/.]/) : path.map(String)).filter(Boolean);
  const key = parts[0] === 'intake' ? parts[1] : parts[0];
  return (draftFields as readonly string[]).includes(key ?? '') ? (key as TDraftField) : null;
}

const unique = (fields: Array<TDraftField | null>) => draftFields.filter((f) => fields.includes(f));

/** The same schema the API validates with, so the form refuses exactly what the server would. */
export function checkDraft(
  draft: TUnitDraft,
): { ok: true; input: TUnitInput } | { ok: false; fields: TDraftField[] } {
  const parsed = ZUnitInput.safeParse(toInput(draft));
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, fields: unique(parsed.error.issues.map((i) => fieldOfPath(i.path))) };
}

/** The fields a refused request names (VALIDATION_FAILED details), for the error message. */
export function fieldsOfError(err: unknown): TDraftField[] {
  if (!isApiError(err, 'VALIDATION_FAILED') || !Array.isArray(err.details)) return [];
  return unique(
    err.details.map((d: { path?: unknown }) =>
      typeof d?.path === 'string' ? fieldOfPath(d.path) : null,
    ),
  );
}
