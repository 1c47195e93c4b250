import { and, eq, exists, inArray, isNotNull, isNull, lt, notExists, sql } from 'drizzle-orm';
import { caseFollowUps, caseNotes, casePeople, cases } from '../../../db/schema/cases';
import { referralHolds, referrals } from '../../../db/schema/referrals';
import { ticketEvents, tickets } from '../../../db/schema/tickets';
import { encryptField } from '../crypto/field-cipher';
import { keyringFromConfig } from '../crypto/keyring';
import { contacts } from '../../../db/schema/contacts';
import { chatConversations } from '../../../db/schema/chat';
import { people } from '../../../db/schema/people';
import { retentionPolicies, type retentionRecordTypes } from '../../../db/schema/retention';
import { recordAudit, type TTx } from '../audit/audit.repository';
import type { TRecordsDeps } from '../cases/records.deps';
import { retentionCutoff } from './retention.policy';

type TRecordType = (typeof retentionRecordTypes)[number];

export async function listRetentionPolicies(deps: TRecordsDeps) {
  return deps.db.select().from(retentionPolicies);
}

export async function setRetentionPolicy(
  deps: TRecordsDeps,
  actorId: string,
  recordType: TRecordType,
  retainDays: number | null,
) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(retentionPolicies)
      .values({ recordType, retainDays, updatedById: actorId })
      .onConflictDoUpdate({
        target: retentionPolicies.recordType,
        set: { retainDays, updatedById: actorId, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, deps.config, {
      actorId,
      action: 'retention.policy_changed',
      entityType: 'retention_policy',
      entityId: recordType,
      data: { retainDays },
    });
    return row as NonNullable<typeof row>;
  });
}

/**
 * Deletes what the policies say has been kept long enough: closed cases (with their contacts,
 * notes, timeline and links, and the chat transcripts linked to those contacts), contacts that
 * never joined a case, chats that never joined a contact, and people no case refers to.
 * A closed case that was referred to partners is anonymised instead: the partners' tickets are an
 * append-only record of what they did and keep pointing at it, so the case stays as codes only
 * (see `anonymiseReferredCases`). Anything under legal hold stays. Each deletion is audited by id
 * in the same transaction.
 */
export async function applyRetention(deps: TRecordsDeps, now = new Date()) {
  const policies = new Map(
    (await listRetentionPolicies(deps)).map((p) => [p.recordType, p.retainDays]),
  );
  return deps.db.transaction(async (tx) => {
    const deleted = {
      cases: [] as string[],
      anonymisedCases: [] as string[],
      contacts: [] as string[],
      chats: [] as string[],
      people: [] as string[],
    };
    const caseCutoff = retentionCutoff(now, policies.get('case'));
    if (caseCutoff) {
      const heldPerson = tx
        .select({ one: sql`1` })
        .from(casePeople)
        .innerJoin(people, eq(people.id, casePeople.personId))
        .where(and(eq(casePeople.caseId, cases.id), eq(people.legalHold, true)));
      const referred = tx
        .select({ one: sql`1` })
        .from(referrals)
        .where(eq(referrals.caseId, cases.id));
      const due = and(
        inArray(cases.status, ['closed', 'closed_referred']),
        lt(cases.closedAt, caseCutoff),
        eq(cases.legalHold, false),
        notExists(heldPerson),
        isNull(cases.anonymisedAt),
      );
      const rows = await tx
        .delete(cases)
        .where(and(due, notExists(referred)))
        .returning({ id: cases.id });
      deleted.cases = rows.map((r) => r.id);
      const kept = await tx
        .update(cases)
        .set({ summaryEnc: null, anonymisedAt: now, updatedAt: now })
        .where(and(due, exists(referred)))
        .returning({ id: cases.id });
      deleted.anonymisedCases = kept.map((r) => r.id);
      await anonymiseReferredCases(tx, deps, deleted.anonymisedCases);
    }
    const contactCutoff = retentionCutoff(now, policies.get('contact_without_case'));
    if (contactCutoff) {
      const rows = await tx
        .delete(contacts)
        .where(and(isNull(contacts.caseId), lt(contacts.occurredAt, contactCutoff)))
        .returning({ id: contacts.id });
      deleted.contacts = rows.map((r) => r.id);
      // A chat that never became part of a contact record is kept like a contact without a case,
      // counted from its last activity; a linked chat goes with its contact (foreign key cascade).
      const chats = await tx
        .delete(chatConversations)
        .where(
          and(
            isNull(chatConversations.contactId),
            sql`coalesce(${chatConversations.endedAt}, ${chatConversations.lastInboundAt}, ${chatConversations.startedAt}) < ${contactCutoff.toISOString()}::timestamptz`,
          ),
        )
        .returning({ id: chatConversations.id });
      deleted.chats = chats.map((r) => r.id);
    }
    const personCutoff = retentionCutoff(now, policies.get('person'));
    if (personCutoff) {
      const linked = tx
        .select({ one: sql`1` })
        .from(casePeople)
        .where(eq(casePeople.personId, people.id));
      const rows = await tx
        .delete(people)
        .where(
          and(eq(people.legalHold, false), lt(people.updatedAt, personCutoff), notExists(linked)),
        )
        .returning({ id: people.id });
      deleted.people = rows.map((r) => r.id);
    }
    await recordAudit(tx, deps.config, {
      actorId: null,
      action: 'retention.deleted',
      entityType: 'retention',
      entityId: now.toISOString().slice(0, 10),
      data: deleted,
    });
    return {
      cases: deleted.cases.length,
      anonymisedCases: deleted.anonymisedCases.length,
      contacts: deleted.contacts.length,
      chats: deleted.chats.length,
      people: deleted.people.length,
    };
  });
}

/**
 * What stays of a referred case past its retention: codes and dates (case code, hotline,
 * province, category, status; referral needs, priority and the coarse subject partners were
 * given; ticket states, services and timers). What goes: contacts, case notes, follow-ups, the people links
 * (so the people can be deleted by their own policy), the danger-override justification, the
 * subject's exact age, and the partners' free-text notes on ticket events, which the append-only
 * guard lets only be re-encrypted: they are replaced by an encrypted "erased" marker.
 */
async function anonymiseReferredCases(tx: TTx, deps: TRecordsDeps, caseIds: readonly string[]) {
  if (!caseIds.length) return;
  const ids = [...caseIds];
  await tx.delete(contacts).where(inArray(contacts.caseId, ids));
  await tx.delete(caseNotes).where(inArray(caseNotes.caseId, ids));
  // Follow-up tasks are free text about the person, like notes.
  await tx.delete(caseFollowUps).where(inArray(caseFollowUps.caseId, ids));
  await tx.delete(casePeople).where(inArray(casePeople.caseId, ids));
  await tx
    .update(referrals)
    .set({
      personId: null,
      overrideJustificationEnc: null,
      subject: sql`${referrals.subject} || '{"age": null}'::jsonb`,
    })
    .where(inArray(referrals.caseId, ids));
  // An override's written reason goes with the case; the reason code and who gave it stay.
  await tx
    .update(referralHolds)
    .set({ overrideJustificationEnc: null })
    .where(
      inArray(
        referralHolds.referralId,
        tx.select({ id: referrals.id }).from(referrals).where(inArray(referrals.caseId, ids)),
      ),
    );
  const notes = await tx
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(and(inArray(tickets.caseId, ids), isNotNull(ticketEvents.noteEnc)));
  const keyring = keyringFromConfig(deps.config);
  for (const { id } of notes)
    await tx
      .update(ticketEvents)
      .set({
        noteEnc: encryptField(
          keyring,
          { table: 'ticket_events', column: 'note_enc', rowId: String(id) },
          ERASED_NOTE,
        ),
      })
      .where(eq(ticketEvents.id, id));
}

/** What a partner's note reads once retention erased it. */
export const ERASED_NOTE = '[erased under the retention policy]';
