/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** A number as people type it ("+856 20 5557-7199") as it is stored ("+8562055577199"). */
export function compactPhone(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}
