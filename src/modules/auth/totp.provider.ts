import { generateSecret, generateURI, verifySync } from 'otplib';

/** A new base32 TOTP secret and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer: 'Saiduan', label, secret }) };
}

/**
 * The 30-second step a code belongs to (one step of clock drift either way), or null when the
 * code is wrong. Callers refuse a step already used, so a code works once.
 */
export function totpStep(secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({ secret, token: code, epochTolerance: 30 });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
