import type {
  TFormDefinition,
  TPersonProfileField,
} from '../../../../../src/contracts/victim-profile';
import type { TPlace } from '../../../shared/ui/place-picker';
import type { TPerson, TProfileInput } from '../api/people.api';

/** What the counsellor has typed into the profile sections; '' is "not answered". */
export type TProfileDraft = {
  recruitmentMethod: string;
  recruiterRelation: string;
  recruitmentPlace: TPlace[];
  transitPlaces: TPlace[];
  exploitationPlace: TPlace[];
  transportModes: string[];
  borderCrossing: string;
  meansOfControl: string[];
  labourSector: string;
  /** ISO date, '' when empty, null while what is typed is not a date. */
  exploitationStartedOn: string | null;
  exploitationEndedOn: string | null;
  under18AtExploitation: '' | 'yes' | 'no';
  travelDocuments: string[];
  documentsHeldByOthers: boolean;
  employer: string;
  wagesOwedAmount: string;
  wagesOwedCurrency: string;
  schoolStatus: string;
  livesWith: string;
};

export const blankProfile = (): TProfileDraft => ({
  recruitmentMethod: '',
  recruiterRelation: '',
  recruitmentPlace: [],
  transitPlaces: [],
  exploitationPlace: [],
  transportModes: [],
  borderCrossing: '',
  meansOfControl: [],
  labourSector: '',
  exploitationStartedOn: '',
  exploitationEndedOn: '',
  under18AtExploitation: '',
  travelDocuments: [],
  documentsHeldByOthers: false,
  employer: '',
  wagesOwedAmount: '',
  wagesOwedCurrency: 'LAK',
  schoolStatus: '',
  livesWith: '',
});

const placeStage = {
  recruitmentPlace: 'recruitment',
  transitPlaces: 'transit',
  exploitationPlace: 'exploitation',
} as const;
type TPlaceField = keyof typeof placeStage;

const placesOf = (person: TPerson, stage: string): TPlace[] =>
  person.stageLocations
    .filter((s) => s.stage === stage && (s.kind === 'country' || s.kind === 'province'))
    .map((s) => ({ kind: s.kind as TPlace['kind'], code: s.code }));

/** The stored profile, ready to be changed. */
export function profileFromPerson(person: TPerson): TProfileDraft {
  return {
    recruitmentMethod: person.recruitmentMethod ?? '',
    recruiterRelation: person.recruiterRelation ?? '',
    recruitmentPlace: placesOf(person, 'recruitment'),
    transitPlaces: placesOf(person, 'transit'),
    exploitationPlace: placesOf(person, 'exploitation'),
    transportModes: person.transportModes,
    borderCrossing: person.borderCrossing ?? '',
    meansOfControl: person.meansOfControl,
    labourSector: person.labourSector ?? '',
    exploitationStartedOn: person.exploitationStartedOn ?? '',
    exploitationEndedOn: person.exploitationEndedOn ?? '',
    under18AtExploitation:
      person.under18AtExploitation === null ? '' : person.under18AtExploitation ? 'yes' : 'no',
    travelDocuments: person.travelDocuments,
    documentsHeldByOthers: person.documentsHeldByOthers ?? false,
    employer: person.employer ?? '',
    wagesOwedAmount: person.wagesOwedAmount === null ? '' : String(person.wagesOwedAmount),
    wagesOwedCurrency: person.wagesOwedCurrency ?? 'LAK',
    schoolStatus: person.schoolStatus ?? '',
    livesWith: person.livesWith ?? '',
  };
}

export const shownFields = (definition: TFormDefinition) =>
  new Set<TPersonProfileField>(definition.person.flatMap((s) => s.fields));

/** A date typed but not readable holds the save back (the field says why). */
export const profileDatesValid = (d: TProfileDraft) =>
  d.exploitationStartedOn !== null && d.exploitationEndedOn !== null;

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/**
 * The fields the hotline's form shows, as the API takes them. Fields the form does not show are
 * left out, so a section another hotline's form hides is never blanked. Stage places are merged
 * into the stored ones: a stage the form does not show keeps its places.
 */
export function profileInput(
  draft: TProfileDraft,
  shown: ReadonlySet<TPersonProfileField>,
  stored: TPerson['stageLocations'] = [],
): TProfileInput {
  const input: TProfileInput = {};
  const set = <K extends keyof TProfileInput>(
    field: TPersonProfileField,
    k: K,
    v: TProfileInput[K],
  ) => {
    if (shown.has(field)) input[k] = v;
  };
  set('recruitmentMethod', 'recruitmentMethod', orNull(draft.recruitmentMethod));
  set('recruiterRelation', 'recruiterRelation', orNull(draft.recruiterRelation));
  set('transportModes', 'transportModes', draft.transportModes);
  set('borderCrossing', 'borderCrossing', orNull(draft.borderCrossing));
  set('meansOfControl', 'meansOfControl', draft.meansOfControl);
  set('labourSector', 'labourSector', orNull(draft.labourSector));
  set('exploitationStartedOn', 'exploitationStartedOn', draft.exploitationStartedOn || null);
  set('exploitationEndedOn', 'exploitationEndedOn', draft.exploitationEndedOn || null);
  set(
    'under18AtExploitation',
    'under18AtExploitation',
    draft.under18AtExploitation === '' ? null : draft.under18AtExploitation === 'yes',
  );
  set('travelDocuments', 'travelDocuments', draft.travelDocuments);
  set('documentsHeldByOthers', 'documentsHeldByOthers', draft.documentsHeldByOthers);
  set('employer', 'employer', orNull(draft.employer));
  const amount = draft.wagesOwedAmount.trim() ? Number(draft.wagesOwedAmount) : null;
  set('wagesOwed', 'wagesOwedAmount', amount);
  set('wagesOwed', 'wagesOwedCurrency', amount === null ? null : draft.wagesOwedCurrency);
  set('schoolStatus', 'schoolStatus', orNull(draft.schoolStatus));
  set('livesWith', 'livesWith', orNull(draft.livesWith));
  const placeFields = (Object.keys(placeStage) as TPlaceField[]).filter((f) => shown.has(f));
  if (placeFields.length > 0) {
    const replaced = new Set<string>(placeFields.map((f) => placeStage[f]));
    input.stageLocations = [
      ...stored.filter((s) => !replaced.has(s.stage)),
      ...placeFields.flatMap((f) => draft[f].map((p) => ({ stage: placeStage[f], ...p }))),
    ];
  }
  return input;
}

/** Whole months between two ISO dates, for "duration" beside the dates. */
export function monthsBetween(from: string, to: string): number | null {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return months >= 0 ? months : null;
}
