/**
 * The de-identified dataset, in the shape the Counter Trafficking Data Collaborative publishes:
 * one row per victim, its quasi-identifiers (facts someone could know about a person: year,
 * sex, age, citizenship, country of exploitation) generalised until every combination of them
 * occurs at least k times (k-anonymity). Generalisation is full-domain: a column is raised one
 * level for every row (exact year → five-year span → any), so the release stays consistent. A few
 * rows of rare combinations may be withheld instead of coarsening a whole column (at most
 * `maxWithheldShare` of the rows); the result says how many, so nothing is dropped silently.
 */

export const MIN_K = 5;
export const DEFAULT_K = 11;
const ANY = '*';

export type TVictimRow = {
  year: number;
  sex: 'female' | 'male' | 'other' | 'unknown';
  ageBand: string;
  citizenship: string | null;
  exploitationCountry: string | null;
  /** Not quasi-identifiers: released as recorded. */
  forms: readonly string[];
};

export const quasiIdentifiers = [
  'year',
  'sex',
  'age',
  'citizenship',
  'exploitationCountry',
] as const;
export type TQuasiIdentifier = (typeof quasiIdentifiers)[number];

export type TReleasedRow = Record<TQuasiIdentifier, string> & { forms: string };

export type TDeidentified = {
  k: number;
  rows: TReleasedRow[];
  /** How far each quasi-identifier was generalised (0 = as recorded). */
  levels: Record<TQuasiIdentifier, number>;
  /** Rows of combinations too rare to release, withheld rather than coarsening everything. */
  withheld: number;
};

const ASEAN = new Set(['LA', 'TH', 'VN', 'KH', 'MM', 'MY', 'SG', 'ID', 'PH', 'BN']);
const region = (code: string | null) =>
  code === null ? 'unknown' : ASEAN.has(code) ? 'ASEAN' : 'outside ASEAN';
const under18Bands = new Set(['0-11', '12-17']);

/** Each quasi-identifier's hierarchy, from as recorded (level 0) to any (the last level). */
const hierarchies: Record<TQuasiIdentifier, Array<(r: TVictimRow) => string>> = {
  year: [
    (r) => String(r.year),
    (r) => {
      const from = r.year - (r.year % 5);
      return `${from}-${from + 4}`;
    },
    () => ANY,
  ],
  sex: [
    (r) => r.sex,
    (r) => (r.sex === 'female' || r.sex === 'male' ? r.sex : 'other or unknown'),
    () => ANY,
  ],
  age: [
    (r) => r.ageBand,
    (r) => (r.ageBand === 'unknown' ? 'unknown' : under18Bands.has(r.ageBand) ? '0-17' : '18+'),
    () => ANY,
  ],
  citizenship: [
    (r) => r.citizenship ?? 'unknown',
    (r) => (r.citizenship === 'LA' ? 'LA' : region(r.citizenship)),
    () => ANY,
  ],
  exploitationCountry: [
    (r) => r.exploitationCountry ?? 'LA',
    (r) =>
      r.exploitationCountry === null || r.exploitationCountry === 'LA'
        ? 'LA'
        : region(r.exploitationCountry),
    () => ANY,
  ],
};

const keyOf = (row: TVictimRow, levels: Record<TQuasiIdentifier, number>) =>
  quasiIdentifiers.map((q) => hierarchies[q][levels[q]]?.(row) ?? ANY).join('\u0000');

function classSizes(rows: readonly TVictimRow[], levels: Record<TQuasiIdentifier, number>) {
  const sizes = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r, levels);
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

/** Rows in combinations smaller than k at these levels. */
function rareRows(
  rows: readonly TVictimRow[],
  levels: Record<TQuasiIdentifier, number>,
  k: number,
) {
  let n = 0;
  for (const size of classSizes(rows, levels).values()) if (size < k) n += size;
  return n;
}

/**
 * Generalises greedily: while more rows are in rare combinations than may be withheld, raise the
 * quasi-identifier whose next level leaves the fewest rare rows. Then withholds what is still rare.
 */
export function deidentify(
  rows: readonly TVictimRow[],
  options: { k?: number; maxWithheldShare?: number } = {},
): TDeidentified {
  const k = options.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < MIN_K) throw new RangeError(`k must be an integer >= ${MIN_K}`);
  const budget = Math.floor(rows.length * (options.maxWithheldShare ?? 0.02));
  const levels = Object.fromEntries(quasiIdentifiers.map((q) => [q, 0])) as Record<
    TQuasiIdentifier,
    number
  >;
  for (;;) {
    const rare = rareRows(rows, levels, k);
    if (rare <= budget) break;
    let best: { q: TQuasiIdentifier; rare: number } | null = null;
    for (const q of quasiIdentifiers) {
      if (levels[q] >= hierarchies[q].length - 1) continue;
      const trial = { ...levels, [q]: levels[q] + 1 };
      const left = rareRows(rows, trial, k);
      if (best === null || left < best.rare) best = { q, rare: left };
    }
    if (best === null) break; // every column is "any": what is left is fewer than k rows
    levels[best.q] += 1;
  }
  const sizes = classSizes(rows, levels);
  const released: TReleasedRow[] = [];
  for (const r of rows) {
    if ((sizes.get(keyOf(r, levels)) ?? 0) < k) continue;
    const out = Object.fromEntries(
      quasiIdentifiers.map((q) => [q, hierarchies[q][levels[q]]?.(r) ?? ANY]),
    ) as Record<TQuasiIdentifier, string>;
    released.push({ ...out, forms: [...new Set(r.forms)].sort().join(';') });
  }
  return { k, rows: released, levels, withheld: rows.length - released.length };
}
