/** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
const MAX = 31;

/** Shortens at a word boundary (never mid-word), dropping a dangling joiner such as "and" or "·". */
function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const words = name.split(' ');
  let out = '';
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > max) break;
    out = next;
  }
  // A first word longer than the limit cannot be kept whole: cut it (the only mid-word cut).
  if (!out) return name.slice(0, max);
  return out.replace(/(\s+(and|or|of|by|the|to|from|a|·|-|—|,))+$/i, '').replace(/[\s,:;·-]+$/, '');
}

/**
 * Sheet names for a workbook's tables: "<n> <title>" shortened at a word boundary to Excel's 31
 * characters. The leading number keeps them unique however the titles shorten (Excel refuses two
 * sheets of the same name).
 */
export function sheetNames(titles: readonly string[], firstNumber = 1): string[] {
  return titles.map((title, i) =>
    shorten(
      `${firstNumber + i} ${title}`
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
      MAX,
    ),
  );
}
