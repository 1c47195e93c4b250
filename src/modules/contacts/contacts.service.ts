import { formVersionForRecord } from '../hotlines/form-definitions.service';
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { contacts } from '../../../db/schema/contacts';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import { readWithAudit } from '../audit/read-with-audit.service';
import type { TActor } from '../auth/actor';
import { assertCan, can, type TScopedResource } from '../auth/permissions.policy';
import { keyringOf } from '../crypto/keyring';
import { phoneHash } from '../crypto/phone-hash';
import { sealColumns } from '../crypto/sealed-columns';
import { assertCanOnCase } from '../cases/case-scope';
import { appendTimeline } from '../cases/case-timeline.repository';
import { findCaseForUpdate } from '../cases/cases.repository';
import { viewCase } from '../cases/cases.service';
import type { TRecordsDeps } from '../cases/records.deps';
import { findStaffById } from '../auth/staff-users.repository';
import { assertKnownCategory } from '../cases/category-codes.repository';
import { draftsRepository } from '../drafts/drafts.repository';
import { callExists, findCallBySid } from './callers.repository';
import { findOpenConversation, linkConversation } from './conversation-link.repository';
import { contactSealed, contactView, type TContactRow } from './contact-view';

type TInsert = typeof contacts.$inferInsert;
type TSealedInput = {
  callerPhone?: string | null;
  callerName?: string | null;
  summary?: string | null;
  safeCallbackWindow?: string | null;
  codeWord?: string | null;
};
export type TContactInput = TSealedInput &
  Pick<TInsert, 'hotline' | 'channel' | 'language' | 'callerType' | 'contactType'> &
  Partial<
    Pick<
      TInsert,
      | 'callId'
      | 'caseId'
      | 'interpreterUsed'
      | 'interpreterNeeded'
      | 'interpreterLanguage'
      | 'categoryCode'
      | 'subcategoryCode'
      | 'contactReasons'
      | 'callerProvinceCode'
      | 'safeToTalk'
      | 'noSms'
      | 'noVoicemail'
      | 'durationSeconds'
    >
  > & {
    occurredAt?: Date;
    counsellorId?: string;
    /** The call this contact records, as the console knows it; resolved to the call row here. */
    callSid?: string;
    /** The chat this contact records: the conversation is linked to the new contact. */
    conversationId?: string;
    /** The hotline's form version the desk drew; the current one when absent. */
    formVersion?: number | null;
  };

export function contactResource(
  row: Pick<TContactRow, 'hotline' | 'counsellorId' | 'recordedById'>,
): TScopedResource {
  return { hotline: row.hotline, ownerIds: [row.counsellorId, row.recordedById] };
}

const OFFLINE: ReadonlySet<string> = new Set(['walk_in', 'field_visit']);

function sealed(deps: TRecordsDeps, id: string, input: TSealedInput) {
  const keyring = keyringOf(deps.config);
  const { callerPhone, callerName, summary, safeCallbackWindow, codeWord } = input;
  const enc = sealColumns(
    keyring,
    'contacts',
    id,
    { callerPhone, callerName, summary, safeCallbackWindow, codeWord },
    contactSealed,
  );
  return {
    ...(enc.callerPhone !== undefined && {
      callerPhoneEnc: enc.callerPhone,
      callerPhoneHash: callerPhone ? phoneHash(keyring, callerPhone) : null,
    }),
    ...(enc.callerName !== undefined && { callerNameEnc: enc.callerName }),
    ...(enc.summary !== undefined && { summaryEnc: enc.summary }),
    ...(enc.safeCallbackWindow !== undefined && { safeCallbackWindowEnc: enc.safeCallbackWindow }),
    ...(enc.codeWord !== undefined && { codeWordEnc: enc.codeWord }),
  };
}

/**
 * Records one contact. `counsellorId` differs from the actor for an offline contact (entered on
 * behalf of a colleague of the same hotline). Linking to a case needs the right to add to it.
 */
export async function createContact(deps: TRecordsDeps, actor: TActor, input: TContactInput) {
  if (!can(actor, 'contact.create', { hotline: input.hotline })) throw new AppError('FORBIDDEN');
  const id = randomUUID();
  const {
    callerPhone,
    callerName,
    summary,
    safeCallbackWindow,
    codeWord,
    callSid,
    conversationId,
    formVersion: askedVersion,
    ...plain
  } = input;
  await assertKnownCategory(deps.db, input);
  if (input.counsellorId && !(await findStaffById(deps.db, input.counsellorId)))
    throw new AppError('VALIDATION_FAILED', { details: [{ path: '/counsellorId' }] });
  if (input.callId && !(await callExists(deps.db, input.callId)))
    throw new AppError('VALIDATION_FAILED', { details: [{ path: '/callId' }] });
  const call = callSid ? await findCallBySid(deps.db, callSid) : null;
  if (callSid && (!call || call.hotline !== input.hotline))
    throw new AppError('VALIDATION_FAILED', { details: [{ path: '/callSid' }] });
  const chat = conversationId ? await findOpenConversation(deps.db, conversationId) : null;
  if (conversationId && (!chat || chat.hotline !== input.hotline || chat.contactId))
    throw new AppError('VALIDATION_FAILED', { details: [{ path: '/conversationId' }] });
  const enc = sealed(deps, id, { callerPhone, callerName, summary, safeCallbackWindow, codeWord });
  // Linked to its call row; without a typed number the call's number hash makes this contact
  // show up in the next repeat-caller lookup (the number itself stays on the call row only).
  const linked = call
    ? { callId: call.id, callerPhoneHash: enc.callerPhoneHash ?? call.fromHash }
    : {};
  const row = await deps.db.transaction(async (tx) => {
    if (input.caseId) {
      const target = await findCaseForUpdate(tx, input.caseId);
      if (!target) throw new AppError('CASE_NOT_FOUND');
      assertCanOnCase(actor, 'case.note', target);
    }
    const formVersion = await formVersionForRecord(tx, input.hotline, askedVersion);
    const [created] = await tx
      .insert(contacts)
      .values({
        ...plain,
        ...enc,
        ...linked,
        id,
        formVersion,
        occurredAt: input.occurredAt ?? new Date(),
        counsellorId: input.counsellorId ?? actor.userId,
        recordedById: actor.userId,
      })
      .returning();
    if (input.caseId) {
      await appendTimeline(tx, {
        caseId: input.caseId,
        kind: 'contact.added',
        actorId: actor.userId,
        refId: id,
        data: { channel: input.channel, contactType: input.contactType },
      });
    }
    if (conversationId && !(await linkConversation(tx, conversationId, id)))
      throw new AppError('VALIDATION_FAILED', { details: [{ path: '/conversationId' }] });
    // Recorded: the form's draft has done its job.
    const draftKey = callSid
      ? `call:${callSid}`
      : conversationId
        ? `chat:${conversationId}`
        : OFFLINE.has(input.channel)
          ? 'offline'
          : null;
    if (draftKey) await draftsRepository(tx).remove(actor.userId, draftKey);
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'contact.created',
      entityType: 'contact',
      entityId: id,
      data: {
        caseId: input.caseId ?? null,
        offline: (input.counsellorId ?? actor.userId) !== actor.userId,
        callLinked: call !== null,
        chatLinked: conversationId !== undefined,
        formVersion,
      },
    });
    return created as TContactRow;
  });
  return contactView(keyringOf(deps.config), row);
}

export async function getContact(deps: TRecordsDeps, actor: TActor, id: string) {
  const row = await readWithAudit(
    deps,
    async (tx) => {
      const [found] = /^[0-9a-f-]{36}$/i.test(id)
        ? await tx.select().from(contacts).where(eq(contacts.id, id)).limit(1)
        : [];
      if (!found) throw new AppError('NOT_FOUND');
      assertCan(actor, 'contact.view', contactResource(found));
      return found;
    },
    () => ({
      actorId: actor.userId,
      action: 'contact.viewed',
      entityType: 'contact',
      entityId: id,
    }),
  );
  return contactView(keyringOf(deps.config), row);
}

export async function updateContact(
  deps: TRecordsDeps,
  actor: TActor,
  id: string,
  input: Partial<Omit<TContactInput, 'hotline' | 'caseId' | 'callId' | 'counsellorId'>>,
) {
  const row = await deps.db.transaction(async (tx) => {
    const [found] = /^[0-9a-f-]{36}$/i.test(id)
      ? await tx.select().from(contacts).where(eq(contacts.id, id)).for('update').limit(1)
      : [];
    if (!found) throw new AppError('NOT_FOUND');
    assertCan(actor, 'contact.update', contactResource(found), 'contact.view');
    if (input.categoryCode !== undefined || input.subcategoryCode !== undefined)
      await assertKnownCategory(tx, {
        categoryCode: input.categoryCode !== undefined ? input.categoryCode : found.categoryCode,
        subcategoryCode:
          input.subcategoryCode !== undefined ? input.subcategoryCode : found.subcategoryCode,
      });
    const { callerPhone, callerName, summary, safeCallbackWindow, codeWord, ...plain } = input;
    const [updated] = await tx
      .update(contacts)
      .set({
        ...plain,
        ...sealed(deps, id, { callerPhone, callerName, summary, safeCallbackWindow, codeWord }),
      })
      .where(eq(contacts.id, id))
      .returning();
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'contact.updated',
      entityType: 'contact',
      entityId: id,
      data: { fields: Object.keys(input) },
    });
    return updated as TContactRow;
  });
  return contactView(keyringOf(deps.config), row);
}

export async function listCaseContacts(deps: TRecordsDeps, actor: TActor, caseId: string) {
  await viewCase(deps, actor, caseId, 'contacts');
  const rows = await deps.db
    .select()
    .from(contacts)
    .where(eq(contacts.caseId, caseId))
    .orderBy(desc(contacts.occurredAt));
  const keyring = keyringOf(deps.config);
  return rows.map((r) => contactView(keyring, r));
}
