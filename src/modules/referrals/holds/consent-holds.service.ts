import { and, eq, inArray, sql } from 'drizzle-orm';
import { cases } from '../../../../db/schema/cases';
import { referralHolds, referrals } from '../../../../db/schema/referrals';
import type {
  TConsentOverrideReason,
  TConsentScope,
} from '../../../contracts/consent-requirements';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import type { JobQueues } from '../../../jobs/job-queues';
import { recordAudit, type TTx } from '../../audit/audit.repository';
import type { TActor } from '../../auth/actor';
import { assertCan } from '../../auth/permissions.policy';
import { caseResource } from '../../cases/case-scope';
import { appendTimeline } from '../../cases/case-timeline.repository';
import { encryptField } from '../../crypto/field-cipher';
import { keyringFromConfig } from '../../crypto/keyring';
import { enqueueRelease } from '../runtime/referral-jobs.provider';

/**
 * In the transaction that records a granted consent: the person's referrals held for that
 * scope are asked to be released (the outbox flag the reconciler also reads). Returns the
 * referrals to enqueue once the transaction has committed.
 */
export async function askReleaseForConsent(
  tx: TTx,
  personId: string,
  scope: TConsentScope,
  now: Date,
): Promise<string[]> {
  const rows = await tx
    .update(referralHolds)
    .set({ releaseRequestedAt: now })
    .where(
      and(
        eq(referralHolds.status, 'held'),
        eq(referralHolds.scope, scope),
        inArray(
          referralHolds.referralId,
          tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.personId, personId)),
        ),
      ),
    )
    .returning({ referralId: referralHolds.referralId });
  return [...new Set(rows.map((r) => r.referralId))];
}

/** After commit: one release job per referral. Redis down: the reconciler enqueues them. */
export async function enqueueReleases(
  queues: JobQueues,
  referralIds: readonly string[],
  at: Date,
): Promise<void> {
  await Promise.all(referralIds.map((id) => enqueueRelease(queues, id, at))).catch(() => {});
}

/**
 * Sends a held partner without the consent it needs, for a recorded reason (imminent danger; a
 * child's best interest, for a child only) and a written justification (encrypted). Audited in
 * the same transaction, so supervisors find it in the audit log and on the case timeline.
 */
export async function overrideHold(
  deps: { db: TDatabase; config: TConfig; queues: JobQueues },
  actor: TActor,
  holdId: string,
  input: { reason: TConsentOverrideReason; justification: string },
  now: Date,
): Promise<{ id: string; referralId: string }> {
  const referralId = await deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ hold: referralHolds, referral: referrals, caseRow: cases })
      .from(referralHolds)
      .innerJoin(referrals, eq(referrals.id, referralHolds.referralId))
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(eq(referralHolds.id, holdId))
      .for('update', { of: referralHolds });
    if (!found) throw new AppError('NOT_FOUND');
    assertCan(actor, 'referral.consent-override', caseResource(found.caseRow), 'referral.view');
    if (found.hold.status !== 'held') throw new AppError('HOLD_ALREADY_RELEASED');
    if (input.reason === 'best_interest_of_child' && !found.referral.subject.isChild)
      throw new AppError('OVERRIDE_ONLY_FOR_CHILD');
    await tx
      .update(referralHolds)
      .set({
        overrideReason: input.reason,
        overrideJustificationEnc: encryptField(
          keyringFromConfig(deps.config),
          { table: 'referral_holds', column: 'override_justification_enc', rowId: holdId },
          input.justification,
        ),
        overrideById: actor.userId,
        releaseRequestedAt: now,
        updatedAt: sql`now()`,
      })
      .where(eq(referralHolds.id, holdId));
    const data = {
      holdId,
      unitId: found.hold.unitId,
      reason: input.reason,
      scope: found.hold.scope,
    };
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'referral.consent_overridden',
      entityType: 'referral',
      entityId: found.referral.id,
      data,
    });
    await appendTimeline(tx, {
      caseId: found.referral.caseId,
      kind: 'referral.consent_overridden',
      actorId: actor.userId,
      refId: found.referral.id,
      data,
    });
    return found.referral.id;
  });
  await enqueueReleases(deps.queues, [referralId], now);
  return { id: holdId, referralId };
}
