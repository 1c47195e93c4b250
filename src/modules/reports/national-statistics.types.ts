/**
 * Plain statistical facts about one person (possible or identified victim): never a name, a
 * phone number or any other encrypted field. Dates are Lao calendar days (YYYY-MM-DD).
 */
export type TPersonStatRow = {
  id: string;
  victimStatus: 'possible' | 'presumed' | 'identified' | 'not_victim';
  sex: 'female' | 'male' | 'other' | 'unknown';
  /** Under 18 at identification (possible victims: at first contact); null when not known. */
  under18: boolean | null;
  /** ISO 3166-1 alpha-2; 'LA' for Lao citizens. */
  nationality: string | null;
  /** ISO 3166-2:LA province of origin. */
  provinceCode: string | null;
  /** Country the person was returned from; null when exploited inside Lao PDR. */
  returnedFromCountry: string | null;
  forms: readonly string[];
  identifiedOn: string | null;
};

export type TServiceStatRow = { personId: string; kind: string; givenOn: string };

export type TCounsellingMode = 'hotline' | 'phone' | 'face_to_face' | 'chat';

export type TContactStatRow = {
  id: string;
  occurredOn: string;
  /** Null for contacts that are not counselling (e.g. a silent call, a prank). */
  mode: TCounsellingMode | null;
  personIds: readonly string[];
};

/** One cell group of a people table: the total and its female / under-18 parts. */
export type TPeopleTally = {
  total: number;
  female: number;
  under18: number;
  femaleUnder18: number;
};

export type TCounsellingTally = {
  sessions: number;
  people: number;
  female: number;
  newPeople: number;
  continuingPeople: number;
};

export const peopleMeasures = [
  'identified',
  'assisted',
  'sheltered',
  'reintegrated',
  'followed_up',
] as const;
export type TPeopleMeasure = (typeof peopleMeasures)[number];

/**
 * Every national table as counts keyed by row. The SQL in reports.repository.ts and the rules in
 * national-statistics.policy.ts both produce this shape; tests hold them to the same cells.
 */
export type TNationalTallies = {
  summary: Record<string, TPeopleTally>;
  possible: Record<string, TPeopleTally>;
  nationality: Record<string, TPeopleTally>;
  origin: Record<string, TPeopleTally>;
  province: Record<string, TPeopleTally>;
  forms: Record<string, TPeopleTally>;
  services: Record<string, TPeopleTally>;
  counselling: Record<string, TCounsellingTally>;
};
