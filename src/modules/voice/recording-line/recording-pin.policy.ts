/** Digits an administrator keys on the recording line; long enough that guessing is slow. */
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;
/** Wrong PINs in one call before the line hangs up. */
export const PIN_TRIES_PER_CALL = 3;
/** Wrong PINs from one caller number within the window before the line refuses it at once. */
export const PIN_FAILURES_PER_NUMBER = 5;
export const PIN_FAILURE_WINDOW_S = 15 * 60;

export type TPinProblem = 'PIN_FORMAT' | 'PIN_TOO_SIMPLE';

/** Why a new PIN is refused, or null: digits only, and not one digit repeated or a run. */
export function pinProblem(pin: string): TPinProblem | null {
  if (!new RegExp(`^\\d{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`).test(pin)) return 'PIN_FORMAT';
  if (/^(\d)\1+$/.test(pin)) return 'PIN_TOO_SIMPLE';
  const steps = new Set([...pin].slice(1).map((d, i) => (Number(d) - Number(pin[i]) + 10) % 10));
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'PIN_TOO_SIMPLE';
  return null;
}

/** Digits of a PIN the system makes up: shown once to the administrator who asked for it. */
export const NEW_PIN_DIGITS = 8;

/**
 * A new PIN from a source of random digits (0-9): drawn again until the policy takes it, so a
 * run or a repeated digit is never handed out.
 */
export function newPin(randomDigit: () => number): string {
  for (;;) {
    const pin = Array.from({ length: NEW_PIN_DIGITS }, () => String(randomDigit() % 10)).join('');
    if (!pinProblem(pin)) return pin;
  }
}
