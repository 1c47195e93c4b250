import { callerFlags, type callerFlagKinds } from '../../../db/schema/contacts';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { can } from '../auth/permissions.policy';
import { keyringOf } from '../crypto/keyring';
import { phoneHash } from '../crypto/phone-hash';
import type { TRecordsDeps } from '../cases/records.deps';
import { activeFlags, earlierContacts } from './callers.repository';

/**
 * Repeat-caller lookup: the number is hashed with the HMAC key and never stored or logged; the
 * answer lists earlier contacts on the actor's hotlines and any flag in force.
 */
export async function lookupCaller(deps: TRecordsDeps, actor: TActor, phone: string) {
  const hash = phoneHash(keyringOf(deps.config), phone);
  const hotlines = actor.hotlines;
  return deps.db.transaction(async (tx) => {
    const found = await earlierContacts(tx, hash, hotlines);
    const flags = await activeFlags(tx, hash, hotlines, new Date());
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'caller.looked_up',
      entityType: 'caller',
      entityId: hash.slice(0, 12),
      data: { matches: found.length },
    });
    return { earlierContacts: found, flags };
  });
}

export async function flagCaller(
  deps: TRecordsDeps,
  actor: TActor,
  input: { phone: string; hotline: string; kind: (typeof callerFlagKinds)[number]; until?: Date },
) {
  if (!can(actor, 'caller.flag', { hotline: input.hotline })) throw new AppError('FORBIDDEN');
  const hash = phoneHash(keyringOf(deps.config), input.phone);
  return deps.db.transaction(async (tx) => {
    const [flag] = await tx
      .insert(callerFlags)
      .values({
        phoneHash: hash,
        hotline: input.hotline,
        kind: input.kind,
        until: input.until ?? null,
        createdById: actor.userId,
      })
      .returning();
    const created = flag as NonNullable<typeof flag>;
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'caller.flagged',
      entityType: 'caller_flag',
      entityId: created.id,
      data: { kind: input.kind, hotline: input.hotline },
    });
    return { id: created.id, kind: created.kind, hotline: created.hotline, until: created.until };
  });
}
