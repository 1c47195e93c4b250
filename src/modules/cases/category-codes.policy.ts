/** The categories table's rows for the codes asked about: code → its parent (null at the top). */
export type TCategoryParents = ReadonlyMap<string, string | null>;

export type TCategoryChoice = { categoryCode?: string | null; subcategoryCode?: string | null };

/**
 * Which field names a code the reference data does not hold, or null when both are good: the
 * category must be a known category; the subcategory a known one whose parent is that category
 * (so "sexual_exploitation" is never filed under another category, nor under none).
 */
export function categoryProblem(
  choice: TCategoryChoice,
  known: TCategoryParents,
): 'categoryCode' | 'subcategoryCode' | null {
  const { categoryCode, subcategoryCode } = choice;
  if (categoryCode && !known.has(categoryCode)) return 'categoryCode';
  if (subcategoryCode) {
    const parent = known.get(subcategoryCode);
    if (parent === undefined || !categoryCode || parent !== categoryCode) return 'subcategoryCode';
  }
  return null;
}
