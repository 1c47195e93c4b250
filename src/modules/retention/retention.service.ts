import { and, eq, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import { casePeople, cases } from '../../../db/schema/cases';
import { contacts } from '../../../db/schema/contacts';
import { people } from '../../../db/schema/people';
import { retentionPolicies, type retentionRecordTypes } from '../../../db/schema/retention';
import { recordAudit } from '../audit/audit.repository';
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
 * notes, timeline and links), contacts that never joined a case, and people no case refers to.
 * Anything under legal hold stays. Each deletion is audited by id in the same transaction.
 */
export async function applyRetention(deps: TRecordsDeps, now = new Date()) {
  const policies = new Map(
    (await listRetentionPolicies(deps)).map((p) => [p.recordType, p.retainDays]),
  );
  return deps.db.transaction(async (tx) => {
    const deleted = { cases: [] as string[], contacts: [] as string[], people: [] as string[] };
    const caseCutoff = retentionCutoff(now, policies.get('case'));
    if (caseCutoff) {
      const heldPerson = tx
        .select({ one: sql`1` })
        .from(casePeople)
        .innerJoin(people, eq(people.id, casePeople.personId))
        .where(and(eq(casePeople.caseId, cases.id), eq(people.legalHold, true)));
      const rows = await tx
        .delete(cases)
        .where(
          and(
            inArray(cases.status, ['closed', 'closed_referred']),
            lt(cases.closedAt, caseCutoff),
            eq(cases.legalHold, false),
            notExists(heldPerson),
          ),
        )
        .returning({ id: cases.id });
      deleted.cases = rows.map((r) => r.id);
    }
    const contactCutoff = retentionCutoff(now, policies.get('contact_without_case'));
    if (contactCutoff) {
      const rows = await tx
        .delete(contacts)
        .where(and(isNull(contacts.caseId), lt(contacts.occurredAt, contactCutoff)))
        .returning({ id: contacts.id });
      deleted.contacts = rows.map((r) => r.id);
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
      contacts: deleted.contacts.length,
      people: deleted.people.length,
    };
  });
}
