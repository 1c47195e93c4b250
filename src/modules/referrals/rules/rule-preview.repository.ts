import { and, eq, inArray } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import { referralRules, type TReferralNeed } from '../../../../db/schema/referrals';
import type { TDatabase } from '../../../infra/database';

/** The active rules for any of these needs: what the referral worker would route by. */
export async function activeRulesFor(db: TDatabase, needs: TReferralNeed[]) {
  return db
    .select()
    .from(referralRules)
    .where(and(eq(referralRules.active, true), inArray(referralRules.need, needs)));
}

export async function unitsByIds(db: TDatabase, ids: string[]) {
  return ids.length ? db.select().from(partnerUnits).where(inArray(partnerUnits.id, ids)) : [];
}
