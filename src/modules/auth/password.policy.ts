import { createRequire } from 'node:module';

// ~49,000 passwords most often found in breaches (zxcvbn's list, shipped in the npm package, so
// nothing is fetched at run time), lower-cased: "Password1" is as guessable as "password1".
const require = createRequire(import.meta.url);
const { dictionary } = require('@zxcvbn-ts/language-common') as {
  dictionary: { passwords: string[] };
};
const common = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

export const MIN_PASSWORD_LENGTH = 12;

export type TPasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_COMMON';

/**
 * Why a new password is refused, or null. Common means on the breached list, the list's entry
 * with digits or punctuation around it ("dragon2024!"), or built from the user name.
 */
export function passwordProblem(password: string, username: string): TPasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'PASSWORD_TOO_SHORT';
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (common.has(lower) || common.has(core)) return 'PASSWORD_TOO_COMMON';
  const name = username.toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return 'PASSWORD_TOO_COMMON';
  return null;
}
