import { callerFlags, type callerFlagKinds } from '../../../db/schema/contacts';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { can } from '../auth/permissions.policy';
import { keyringOf } from '../crypto/keyring';
import { phoneHash } from '../crypto/phone-hash';
import type { TRecordsDeps } from '../cases/records.deps';
import { activeFlags, earlierContacts, findCallBySid } from './callers.repository';

/**
 * Repeat-caller lookup: the number is hashed with the HMAC key and never stored or logged; the
 * answer lists earlier contacts on the actor's hotlines and any flag in force.
 */
export async function lookupCaller(deps: TRecordsDeps, actor: TActor, phone: string) {
  return lookupHash(deps, actor, phoneHash(keyringOf(deps.config), phone), {});
}

/**
 * The same lookup for the call being offered, known to the console only by its CallSid: the
 * number's hash comes from the call row, so the number itself never reaches the browser.
 * A call outside the actor's hotlines is not found; a withheld number has no history.
 */
export async function lookupCallerByCall(deps: TRecordsDeps, actor: TActor, callSid: string) {
  const call = await findCallBySid(deps.db, callSid);
  if (!call || !actor.hotlines.includes(call.hotline)) throw new AppError('NOT_FOUND');
  if (!call.fromHash) return { earlierContacts: [], flags: [] };
  return lookupHash(deps, actor, call.fromHash, { callSid, exceptCallId: call.id });
}

async function lookupHash(
  deps: TRecordsDeps,
  actor: TActor,
  hash: string,
  context: { callSid?: string; exceptCallId?: string },
) {
  const hotlines = actor.hotlines;
  return deps.db.transaction(async (tx) => {
    const found = await earlierContacts(tx, hash, hotlines, { exceptCallId: context.exceptCallId });
    const flags = await activeFlags(tx, hash, hotlines, new Date());
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'caller.looked_up',
      entityType: 'caller',
      entityId: hash.slice(0, 12),
      data: { matches: found.length, ...(context.callSid && { callSid: context.callSid }) },
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
