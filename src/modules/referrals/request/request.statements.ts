import type { TReferralSubject } from '../../../../db/schema/referrals';
import { sql } from 'drizzle-orm';
import type { TDatabase } from '../../../infra/database';

/**
 * The request half of the outbox in one atomic statement and one round trip (the drizzle
 * transaction took five: begin, three inserts, commit): the referral row, its timeline entry and
 * its audit row commit together or not at all. Values travel as text or JSON and are cast in SQL
 * (drizzle sets the driver's date and JSON serializers to pass-through; its `sql` tag spreads an
 * array into a list, so the needs go as JSON). Through drizzle's tag so that callers holding only
 * the drizzle handle (e2e set-ups) can request referrals too.
 */
export async function insertRequestedReferral(
  db: TDatabase,
  row: {
    id: string;
    caseId: string;
    personId: string;
    hotline: string;
    requestedBy: string;
    needs: string[];
    priority: string;
    subject: TReferralSubject;
    dangerOverride: boolean;
    overrideJustificationEnc: string | null;
  },
  extra: { timeline: Record<string, unknown>; audit: Record<string, unknown> },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db.execute(sql`
    with referral as (
      insert into referrals (id, case_id, person_id, hotline, requested_by, needs, priority,
        subject, danger_override, override_justification_enc, created_at, updated_at)
      values (${row.id}, ${row.caseId}, ${row.personId}, ${row.hotline}, ${row.requestedBy},
        array(select jsonb_array_elements_text(${JSON.stringify(row.needs)}::jsonb)),
        ${row.priority}, ${JSON.stringify(row.subject)}::jsonb, ${row.dangerOverride}, ${row.overrideJustificationEnc}, ${at}::timestamptz,
        ${at}::timestamptz)
      returning id, case_id, requested_by),
    timeline as (
      insert into case_events (case_id, kind, actor_id, ref_id, data)
      select case_id, 'referral.requested', requested_by, id::text,
        ${JSON.stringify(extra.timeline)}::jsonb
      from referral)
    insert into audit_log (at, actor_id, action, entity_type, entity_id, data)
    select now(), requested_by, 'referral.requested', 'referral', id::text,
      ${JSON.stringify(extra.audit)}::jsonb
    from referral`);
}
