import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { z } from 'zod';
import type { TConfig } from '../../config/config';
import type {
  TPasskey,
  TWebAuthnOptions,
  ZAuthenticationResponse,
  ZRegistrationResponse,
} from '../../contracts/passkeys';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from './actor';
import {
  countTotpFailure,
  finishSecondFactor,
  readLoginChallenge,
  saveLoginChallenge,
  totpLocked,
} from './login.service';
import {
  deletePasskey,
  insertPasskey,
  markPasskeyUsed,
  passkeysOf,
  type TStaffPasskey,
} from './passkeys.repository';
import type { TResolveActorDeps } from './resolve-actor';
import { findStaffById } from './staff-users.repository';

const REGISTRATION_TTL_S = 300;
const registrationKey = (prefix: string, userId: string) => `${prefix}:passkey-reg:${userId}`;

/**
 * The relying party is the address staff type: a passkey made here works nowhere else, which is
 * what makes it resist the look-alike sign-in pages sent to hotline staff.
 */
function relyingParty(config: Pick<TConfig, 'PUBLIC_BASE_URL'>) {
  const url = new URL(config.PUBLIC_BASE_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Saiduan' };
}

type TTransport = NonNullable<
  z.infer<typeof ZRegistrationResponse>['response']['transports']
>[number];
const asTransports = (values: readonly string[]) => values as TTransport[];

export function passkeyView(row: TStaffPasskey): TPasskey {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listOwnPasskeys(deps: TResolveActorDeps, actor: TActor): Promise<TPasskey[]> {
  return (await passkeysOf(deps.db, actor.userId)).map(passkeyView);
}

/** Options for the browser to make a passkey; the challenge waits in Redis for five minutes. */
export async function startPasskeyRegistration(
  deps: TResolveActorDeps,
  actor: TActor,
): Promise<TWebAuthnOptions> {
  const user = await findStaffById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const { rpID, rpName } = relyingParty(deps.config);
  const existing = await passkeysOf(deps.db, user.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.username,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    // One passkey per authenticator: registering the same laptop twice would only confuse removal.
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: asTransports(p.transports),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
  const answer: TWebAuthnOptions = { ...options };
  await deps.redis.set(
    registrationKey(deps.config.REDIS_PREFIX, user.id),
    options.challenge,
    'EX',
    REGISTRATION_TTL_S,
  );
  return answer;
}

/** Keeps the passkey the browser made, once its answer matches our challenge and address. */
export async function finishPasskeyRegistration(
  deps: TResolveActorDeps,
  actor: TActor,
  input: { label: string; response: z.infer<typeof ZRegistrationResponse> },
): Promise<TPasskey> {
  const key = registrationKey(deps.config.REDIS_PREFIX, actor.userId);
  const expectedChallenge = await deps.redis.getdel(key);
  if (!expectedChallenge) throw new AppError('PASSKEY_NOT_VERIFIED');
  const { rpID, origin } = relyingParty(deps.config);
  const result = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  }).catch(() => ({ verified: false as const }));
  if (!result.verified) throw new AppError('PASSKEY_NOT_VERIFIED');
  const { credential } = result.registrationInfo;
  const saved = await deps.db.transaction(async (tx) => {
    const row = await insertPasskey(tx, {
      userId: actor.userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: credential.transports ?? [],
      label: input.label,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'auth.passkey_added',
      entityType: 'staff_user',
      entityId: actor.userId,
      data: { passkeyId: row.id },
    });
    return row;
  });
  return passkeyView(saved);
}

export async function removeOwnPasskey(
  deps: TResolveActorDeps,
  actor: TActor,
  id: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const removed = await deletePasskey(tx, actor.userId, id);
    if (!removed) throw new AppError('NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'auth.passkey_removed',
      entityType: 'staff_user',
      entityId: actor.userId,
      data: { passkeyId: id },
    });
  });
}

/** Step two by passkey: options for the pending sign-in, limited to this user's passkeys. */
export async function passkeySignInOptions(
  deps: TResolveActorDeps,
  challenge: string,
): Promise<TWebAuthnOptions> {
  const pending = await readLoginChallenge(deps, challenge);
  if (!pending) throw new AppError('INVALID_CREDENTIALS');
  const passkeys = await passkeysOf(deps.db, pending.state.userId);
  if (passkeys.length === 0) throw new AppError('INVALID_CREDENTIALS');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(deps.config).rpID,
    userVerification: 'required',
    allowCredentials: passkeys.map((p) => ({
      id: p.credentialId,
      transports: asTransports(p.transports),
    })),
  });
  await saveLoginChallenge(deps, pending.key, {
    ...pending.state,
    webauthnChallenge: options.challenge,
  });
  const answer: TWebAuthnOptions = { ...options };
  return answer;
}

/**
 * Step two by passkey: the signature must come from one of the user's passkeys, over our
 * challenge, from our address, with the person verified on the device. A failure counts towards
 * the same lock as wrong codes; a counter that went backwards (a cloned key) is audited.
 */
export async function completePasskeySignIn(
  deps: TResolveActorDeps,
  input: { challenge: string; response: z.infer<typeof ZAuthenticationResponse> },
): Promise<{ sessionId: string; userId: string }> {
  const pending = await readLoginChallenge(deps, input.challenge);
  const expectedChallenge = pending?.state.webauthnChallenge;
  if (!pending || !expectedChallenge) throw new AppError('INVALID_CREDENTIALS');
  const { userId } = pending.state;
  const user = await findStaffById(deps.db, userId);
  if (!user || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
  if (await totpLocked(deps, userId)) {
    await deps.redis.del(pending.key);
    throw new AppError('TOTP_LOCKED');
  }
  const passkey = (await passkeysOf(deps.db, userId)).find(
    (p) => p.credentialId === input.response.id,
  );
  const { rpID, origin } = relyingParty(deps.config);
  let failure: unknown = null;
  const result = passkey
    ? await verifyAuthenticationResponse({
        response: input.response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
        credential: {
          id: passkey.credentialId,
          publicKey: Buffer.from(passkey.publicKey, 'base64url'),
          counter: passkey.signCount,
          transports: asTransports(passkey.transports),
        },
      }).catch((err: unknown) => {
        failure = err;
        return { verified: false as const };
      })
    : { verified: false as const };
  if (!result.verified || !passkey) {
    // The challenge is spent either way: a signature cannot be retried against it.
    await saveLoginChallenge(deps, pending.key, { ...pending.state, webauthnChallenge: undefined });
    await countTotpFailure(deps, userId);
    if (passkey && String(failure).includes('counter'))
      await deps.db.transaction((tx) =>
        recordAudit(tx, deps.config, {
          actorId: userId,
          action: 'auth.passkey_refused',
          entityType: 'staff_user',
          entityId: userId,
          data: { passkeyId: passkey.id, reason: 'counter' },
        }),
      );
    throw new AppError('INVALID_CREDENTIALS');
  }
  await markPasskeyUsed(deps.db, passkey.id, result.authenticationInfo.newCounter, new Date());
  return finishSecondFactor(deps, pending.key, userId);
}
