import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deidentify,
  quasiIdentifiers,
  type TReleasedRow,
  type TVictimRow,
} from '../../../src/modules/reports/deidentified.policy';

const combination = (r: TReleasedRow) => quasiIdentifiers.map((q) => r[q]).join('|');

/** Mostly common victims, with a long tail of rare citizenships, countries, ages and years. */
const victim: fc.Arbitrary<TVictimRow> = fc.record({
  year: fc.oneof(
    { weight: 8, arbitrary: fc.constant(2025) },
    { weight: 2, arbitrary: fc.integer({ min: 2015, max: 2026 }) },
  ),
  sex: fc.oneof(
    { weight: 8, arbitrary: fc.constant('female' as const) },
    {
      weight: 3,
      arbitrary: fc.constantFrom('male' as const, 'other' as const, 'unknown' as const),
    },
  ),
  ageBand: fc.constantFrom('0-11', '12-17', '18-24', '25-34', '35-49', '50+', 'unknown'),
  citizenship: fc.oneof(
    { weight: 8, arbitrary: fc.constant('LA') },
    { weight: 2, arbitrary: fc.constantFrom('VN', 'MM', 'CN', 'NG', 'UZ', null) },
  ),
  exploitationCountry: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('TH', 'CN', null) },
    { weight: 1, arbitrary: fc.constantFrom('MY', 'KR', 'JP', 'AE', 'RU', 'MM') },
  ),
  forms: fc.subarray(['forced_labour', 'sexual_exploitation', 'forced_marriage']),
});

describe('de-identified dataset (k-anonymity)', () => {
  it('releases no combination of quasi-identifiers with fewer than k rows, on data with rare combinations', () => {
    fc.assert(
      fc.property(
        fc.array(victim, { minLength: 0, maxLength: 400 }),
        fc.integer({ min: 5, max: 25 }),
        fc.constantFrom(0, 0.02, 0.1),
        (rows, k, share) => {
          const result = deidentify(rows, { k, maxWithheldShare: share });
          const counts = new Map<string, number>();
          for (const r of result.rows)
            counts.set(combination(r), (counts.get(combination(r)) ?? 0) + 1);
          for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(k);
          // Nothing vanishes unaccounted: released plus withheld is every victim.
          expect(result.rows.length + result.withheld).toBe(rows.length);
          expect(result.withheld).toBeLessThanOrEqual(
            Math.max(Math.floor(rows.length * share), rows.length < k ? rows.length : 0),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('uses k = 11 by default and refuses k below 5', () => {
    expect(deidentify([]).k).toBe(11);
    expect(() => deidentify([], { k: 4 })).toThrow(RangeError);
  });

  it('keeps the records as they are when every combination is already common', () => {
    const rows: TVictimRow[] = Array.from({ length: 12 }, () => ({
      year: 2025,
      sex: 'female',
      ageBand: '18-24',
      citizenship: 'LA',
      exploitationCountry: 'TH',
      forms: ['forced_labour'],
    }));
    const result = deidentify(rows);
    expect(result.withheld).toBe(0);
    expect(result.rows[0]).toEqual({
      year: '2025',
      sex: 'female',
      age: '18-24',
      citizenship: 'LA',
      exploitationCountry: 'TH',
      forms: 'forced_labour',
    });
  });
});
