import { authKeyspace } from './auth.keys';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import { decryptField, encryptField } from '../crypto/field-cipher';
import { keyringFromConfig } from '../crypto/keyring';
import { hashPassword, verifyPassword } from './password';
import type { TResolveActorDeps } from './resolve-actor';
import { exemptRoles } from './second-factor.repository';
import { secondFactorRequired } from './second-factor.policy';
import { createSession, destroySession } from './session.repository';
import { findStaffById, findStaffByUsername, saveTotpSecret } from './staff-users.repository';
import { newTotpSecret, totpStep } from './totp.provider';
import { passkeysOf } from './passkeys.repository';

export type TLoginResult =
  | { status: 'signed_in'; sessionId: string; userId: string }
  | {
      status: 'totp_required';
      challenge: string;
      /** The user has a passkey: the sign-in screen offers it before the code. */
      passkey: boolean;
      enrolment?: { secret: string; uri: string };
    };

export type TLoginChallenge = {
  userId: string;
  attempts: number;
  enrolSecretEnc?: string;
  /** The WebAuthn challenge handed out for this sign-in, when the user chose a passkey. */
  webauthnChallenge?: string;
};

const CHALLENGE_TTL_S = 300;
const MAX_TOTP_ATTEMPTS = 5;
/**
 * Wrong codes per user across all challenges: a new challenge per password try would otherwise
 * give ~25 guesses a minute. After this many in the window the account's second factor pauses
 * (TOTP_LOCKED) until the window ends; the lock is audited so supervisors see it.
 */
export const MAX_TOTP_FAILURES = 10;
const TOTP_FAILURE_WINDOW_S = 15 * 60;
// Verifying against a real hash for unknown users keeps their answer as slow as a wrong password.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

const challengeKey = (prefix: string, id: string) =>
  `${authKeyspace(prefix)}:login-challenge:${id}`;
/** Remembers the last TOTP step a user spent, so a code cannot be replayed. */
export const usedStepKey = (prefix: string, userId: string) => `${prefix}:totp-step:${userId}`;
const totpFailuresKey = (prefix: string, userId: string) =>
  `${authKeyspace(prefix)}:totp-failures:${userId}`;

export async function totpLocked(deps: TResolveActorDeps, userId: string): Promise<boolean> {
  const failures = await deps.redis.get(totpFailuresKey(deps.config.REDIS_PREFIX, userId));
  return Number(failures ?? 0) >= MAX_TOTP_FAILURES;
}

/**
 * Counts a wrong code (or a passkey that failed to verify); the one that reaches the limit locks
 * the second factor and is audited.
 */
export async function countTotpFailure(deps: TResolveActorDeps, userId: string): Promise<void> {
  const key = totpFailuresKey(deps.config.REDIS_PREFIX, userId);
  const [[, failures] = [null, 0]] =
    (await deps.redis.multi().incr(key).expire(key, TOTP_FAILURE_WINDOW_S, 'NX').exec()) ?? [];
  if (failures !== MAX_TOTP_FAILURES) return;
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: userId,
      action: 'auth.totp_locked',
      entityType: 'staff_user',
      entityId: userId,
      data: { failures: MAX_TOTP_FAILURES, windowMinutes: TOTP_FAILURE_WINDOW_S / 60 },
    }),
  );
}
const totpContext = (userId: string) => ({
  table: 'staff_users',
  column: 'totp_secret_enc',
  rowId: userId,
});

/** A new session id (never the one the browser had before) and its audit row. */
async function startSession(deps: TResolveActorDeps, userId: string): Promise<string> {
  const sessionId = await createSession(deps, userId);
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: userId,
      action: 'auth.signed_in',
      entityType: 'staff_user',
      entityId: userId,
    }),
  );
  return sessionId;
}

/**
 * Step one: user name and password. Every role then needs a TOTP code unless an administrator
 * exempted it; a user without a secret yet (new, or whose role's exemption was removed) is handed
 * one to enrol. Same error for an unknown user, a wrong password or a disabled account.
 */
export async function login(
  deps: TResolveActorDeps,
  input: { username: string; password: string; previousSessionId?: string },
): Promise<TLoginResult> {
  const user = await findStaffByUsername(deps.db, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !ok || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
  if (input.previousSessionId) await destroySession(deps, input.previousSessionId);
  if (!secondFactorRequired(user.role, await exemptRoles(deps.db))) {
    return { status: 'signed_in', sessionId: await startSession(deps, user.id), userId: user.id };
  }
  // Only someone who knew the password learns of the lock, and is told why rather than refused.
  if (await totpLocked(deps, user.id)) throw new AppError('TOTP_LOCKED');
  const passkey = (await passkeysOf(deps.db, user.id)).length > 0;
  const challenge = randomBytes(24).toString('base64url');
  const state: TLoginChallenge = { userId: user.id, attempts: 0 };
  let enrolment: { secret: string; uri: string } | undefined;
  if (!user.totpSecretEnc) {
    enrolment = newTotpSecret(user.username);
    state.enrolSecretEnc = encryptField(
      keyringFromConfig(deps.config),
      totpContext(user.id),
      enrolment.secret,
    );
  }
  await deps.redis.set(
    challengeKey(deps.config.REDIS_PREFIX, challenge),
    JSON.stringify(state),
    'EX',
    CHALLENGE_TTL_S,
  );
  return enrolment
    ? { status: 'totp_required', challenge, passkey, enrolment }
    : { status: 'totp_required', challenge, passkey };
}

/** The pending sign-in behind a challenge the browser sent back, or null (unknown or expired). */
export async function readLoginChallenge(
  deps: TResolveActorDeps,
  challenge: string,
): Promise<{ key: string; state: TLoginChallenge } | null> {
  const key = challengeKey(deps.config.REDIS_PREFIX, challenge);
  const raw = /^[A-Za-z0-9_-]{32}$/.test(challenge) ? await deps.redis.get(key) : null;
  return raw ? { key, state: JSON.parse(raw) as TLoginChallenge } : null;
}

export async function saveLoginChallenge(
  deps: TResolveActorDeps,
  key: string,
  state: TLoginChallenge,
): Promise<void> {
  await deps.redis.set(key, JSON.stringify(state), 'KEEPTTL');
}

/** A second factor passed: the challenge is spent, the failure count cleared, a session begins. */
export async function finishSecondFactor(
  deps: TResolveActorDeps,
  key: string,
  userId: string,
): Promise<{ sessionId: string; userId: string }> {
  await deps.redis.del(totpFailuresKey(deps.config.REDIS_PREFIX, userId), key);
  return { sessionId: await startSession(deps, userId), userId };
}

/** Step two: the TOTP code for a pending challenge; a code is accepted once only. */
export async function completeTotp(
  deps: TResolveActorDeps,
  input: { challenge: string; code: string },
): Promise<{ sessionId: string; userId: string }> {
  const prefix = deps.config.REDIS_PREFIX;
  const pending = await readLoginChallenge(deps, input.challenge);
  if (!pending) throw new AppError('INVALID_CREDENTIALS');
  const { key, state } = pending;
  const user = await findStaffById(deps.db, state.userId);
  const secretEnc = state.enrolSecretEnc ?? user?.totpSecretEnc;
  if (!user || user.disabledAt || !secretEnc) throw new AppError('INVALID_CREDENTIALS');
  if (await totpLocked(deps, user.id)) {
    await deps.redis.del(key);
    throw new AppError('TOTP_LOCKED');
  }
  const secret = decryptField(keyringFromConfig(deps.config), totpContext(user.id), secretEnc);
  const step = totpStep(secret, input.code);
  const lastStep = Number((await deps.redis.get(usedStepKey(prefix, user.id))) ?? -1);
  if (step === null || step <= lastStep) {
    state.attempts += 1;
    if (state.attempts >= MAX_TOTP_ATTEMPTS) await deps.redis.del(key);
    else await deps.redis.set(key, JSON.stringify(state), 'KEEPTTL');
    await countTotpFailure(deps, user.id);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await deps.redis.set(usedStepKey(prefix, user.id), String(step), 'EX', 120);
  if (state.enrolSecretEnc) await saveTotpSecret(deps.db, user.id, state.enrolSecretEnc);
  return finishSecondFactor(deps, key, user.id);
}
