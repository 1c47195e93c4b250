import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { casePeople } from '../../../db/schema/cases';
import { people } from '../../../db/schema/people';
import {
  referrals,
  type TReferralNeed,
  type TReferralPriority,
} from '../../../db/schema/referrals';
import type { TConfig } from '../../config/config';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import type { JobQueues } from '../../jobs/job-queues';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { assertCan } from '../auth/permissions.policy';
import { caseResource } from '../cases/case-scope';
import { appendTimeline } from '../cases/case-timeline.repository';
import { findCase } from '../cases/cases.repository';
import { encryptField } from '../crypto/field-cipher';
import { keyringFromConfig } from '../crypto/keyring';
import { enqueueDispatch } from './referral-jobs.provider';
import { referralSubjectFrom } from './referral-subject.policy';

export type TReferralRequest = {
  caseId: string;
  personId: string;
  needs: TReferralNeed[];
  priority: TReferralPriority;
  /** Imminent danger: lets the police be involved without consent, with a written reason. */
  dangerJustification?: string;
};

/**
 * The request half of the outbox: the referral row, its audit row and its timeline entry commit
 * together; the job is added afterwards. If Redis is down then, the referral is still stored and
 * the reconciler enqueues it — the counsellor is never asked to try again.
 */
export async function requestReferral(
  deps: { db: TDatabase; config: TConfig; queues: JobQueues },
  actor: TActor,
  input: TReferralRequest,
  now: Date,
): Promise<{ referralId: string; enqueued: boolean }> {
  const referralId = randomUUID();
  await deps.db.transaction(async (tx) => {
    const caseRow = await findCase(tx, input.caseId);
    if (!caseRow) throw new AppError('CASE_NOT_FOUND');
    assertCan(actor, 'referral.request', caseResource(caseRow));
    const [person] = await tx
      .select({ person: people })
      .from(casePeople)
      .innerJoin(people, eq(people.id, casePeople.personId))
      .where(and(eq(casePeople.caseId, caseRow.id), eq(casePeople.personId, input.personId)));
    if (!person) throw new AppError('PERSON_NOT_ON_CASE');
    const subject = referralSubjectFrom({
      person: person.person,
      caseProvinceCode: caseRow.provinceCode,
    });
    const justification = input.dangerJustification?.trim();
    await tx.insert(referrals).values({
      id: referralId,
      caseId: caseRow.id,
      personId: input.personId,
      hotline: caseRow.hotline,
      requestedBy: actor.userId,
      needs: [...new Set(input.needs)],
      priority: input.priority,
      subject,
      dangerOverride: !!justification,
      overrideJustificationEnc: justification
        ? encryptField(
            keyringFromConfig(deps.config),
            { table: 'referrals', column: 'override_justification_enc', rowId: referralId },
            justification,
          )
        : null,
      createdAt: now,
      updatedAt: now,
    });
    await appendTimeline(tx, {
      caseId: caseRow.id,
      kind: 'referral.requested',
      actorId: actor.userId,
      refId: referralId,
      data: { referralId, needs: input.needs, priority: input.priority },
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'referral.requested',
      entityType: 'referral',
      entityId: referralId,
      data: {
        caseId: caseRow.id,
        needs: input.needs,
        priority: input.priority,
        dangerOverride: !!justification,
      },
    });
  });
  const enqueued = await enqueueDispatch(deps.queues, referralId).then(
    () => true,
    () => false,
  );
  return { referralId, enqueued };
}
