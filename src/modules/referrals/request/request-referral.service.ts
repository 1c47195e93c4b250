import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { casePeople, cases } from '../../../../db/schema/cases';
import { people } from '../../../../db/schema/people';
import type { TReferralNeed, TReferralPriority } from '../../../../db/schema/referrals';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import type { JobQueues } from '../../../jobs/job-queues';
import type { TActor } from '../../auth/actor';
import { assertCanOnCase } from '../../cases/case-scope';
import { encryptField } from '../../crypto/field-cipher';
import { keyringFromConfig } from '../../crypto/keyring';
import { caseLanguage } from '../../contacts/contact-language.repository';
import { enqueueDispatch } from '../runtime/referral-jobs.provider';
import { referralSubjectFrom } from '../referral-subject.policy';
import { insertRequestedReferral } from './request.statements';

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
 * together (one statement); the job is added afterwards. If Redis is down then, the referral is
 * still stored and the reconciler enqueues it — the counsellor is never asked to try again. The
 * case and the person are read first, in one query: what they decide (scope, subject) is checked
 * before anything is written, and the foreign keys refuse a case or person gone meanwhile.
 */
export async function requestReferral(
  deps: { db: TDatabase; config: TConfig; queues: JobQueues },
  actor: TActor,
  input: TReferralRequest,
  now: Date,
): Promise<{ referralId: string; enqueued: boolean }> {
  const referralId = randomUUID();
  const { caseRow, person } = await caseWithPerson(deps.db, input.caseId, input.personId);
  if (!caseRow) throw new AppError('CASE_NOT_FOUND');
  assertCanOnCase(actor, 'referral.request', caseRow);
  if (!person) throw new AppError('PERSON_NOT_ON_CASE');
  const subject = referralSubjectFrom({
    person,
    caseProvinceCode: caseRow.provinceCode,
    caseLanguage: person.languages.length ? null : await caseLanguage(deps.db, caseRow.id),
  });
  const justification = input.dangerJustification?.trim();
  await insertRequestedReferral(
    deps.db,
    {
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
    },
    {
      timeline: { referralId, needs: input.needs, priority: input.priority },
      audit: {
        caseId: caseRow.id,
        needs: input.needs,
        priority: input.priority,
        dangerOverride: !!justification,
      },
    },
    now,
  );
  const enqueued = await enqueueDispatch(deps.queues, referralId).then(
    () => true,
    () => false,
  );
  return { referralId, enqueued };
}

/** The case and, if they are on it, the person: one query. */
async function caseWithPerson(db: TDatabase, caseId: string, personId: string) {
  if (!uuidPattern.test(caseId)) return { caseRow: undefined, person: undefined };
  const [row] = await db
    .select({ caseRow: cases, person: people })
    .from(cases)
    .leftJoin(
      casePeople,
      and(
        eq(casePeople.caseId, cases.id),
        // A malformed person id matches no one (rather than failing the uuid cast).
        uuidPattern.test(personId) ? eq(casePeople.personId, personId) : sql`false`,
      ),
    )
    .leftJoin(people, eq(people.id, casePeople.personId))
    .where(eq(cases.id, caseId))
    .limit(1);
  return { caseRow: row?.caseRow, person: row?.person ?? undefined };
}

const uuidPattern = /^[0-9a-f-]{36}$/i;
