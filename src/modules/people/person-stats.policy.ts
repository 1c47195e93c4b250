import type { ageBands } from '../../../db/schema/people';

type TAgeBand = (typeof ageBands)[number];

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBandOf(age: number | null): TAgeBand {
  if (age === null || age < 0) return 'unknown';
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 50) return '35-49';
  return '50+';
}

/**
 * The statistical age fields, derived so reports never need the (encrypted) date of birth:
 * age at identification, its band, and the under-18 flags at identification and at exploitation.
 * An explicit age (possibly estimated) wins when there is no date of birth.
 */
export function personAgeFacts(input: {
  dateOfBirth?: string | null;
  ageAtIdentification?: number | null;
  identificationDate?: string | null;
  exploitationDate?: string | null;
  under18AtExploitation?: boolean | null;
  today: string;
}) {
  const identifiedOn = input.identificationDate ?? input.today;
  const age = input.dateOfBirth
    ? ageOn(input.dateOfBirth, identifiedOn)
    : (input.ageAtIdentification ?? null);
  // Without a date of birth, an age and the day exploitation began still place it: 19 now,
  // exploited since three years ago, was a child then. Someone's explicit answer wins.
  const ageThen =
    !input.dateOfBirth && age !== null && input.exploitationDate
      ? age - Math.max(0, ageOn(input.exploitationDate, identifiedOn))
      : null;
  const atExploitation =
    input.dateOfBirth && input.exploitationDate
      ? ageOn(input.dateOfBirth, input.exploitationDate) < 18
      : (input.under18AtExploitation ??
        (ageThen !== null ? ageThen < 18 : age !== null && age < 18 ? true : null));
  return {
    ageAtIdentification: age,
    ageBand: ageBandOf(age),
    under18AtIdentification: age === null ? null : age < 18,
    under18AtExploitation: atExploitation,
  };
}
