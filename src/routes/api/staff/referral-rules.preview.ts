import { and, eq, inArray } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import {
  referralRules,
  type TReferralNeed,
  type TReferralSubject,
} from '../../../../db/schema/referrals';
import type { TDatabase } from '../../../infra/database';
import {
  partnersForReferral,
  type TRoutableUnit,
} from '../../../modules/referrals/rules/routing-rules.policy';

/**
 * "Which partner would get this?": the same rules, units and decision the referral worker uses,
 * run on a made-up person without storing anything.
 */
export async function previewRouting(
  db: TDatabase,
  request: { needs: TReferralNeed[]; subject: TReferralSubject },
) {
  const rules = await db
    .select()
    .from(referralRules)
    .where(and(eq(referralRules.active, true), inArray(referralRules.need, request.needs)));
  const unitIds = [...new Set(rules.flatMap((r) => [r.unitId, r.alternateUnitId ?? r.unitId]))];
  const unitRows = unitIds.length
    ? await db.select().from(partnerUnits).where(inArray(partnerUnits.id, unitIds))
    : [];
  const units = new Map(unitRows.map((u) => [u.id, u]));
  const decision = partnersForReferral(rules, units as Map<string, TRoutableUnit>, request);
  const name = (id: string | null) => {
    const unit = id ? units.get(id) : undefined;
    return unit ? { id: unit.id, nameLo: unit.nameLo, nameEn: unit.nameEn, kind: unit.kind } : null;
  };
  return {
    units: decision.units.flatMap((u) => {
      const unit = name(u.unitId);
      return unit
        ? [{ ...unit, needs: u.needs, ruleIds: u.ruleIds, alternate: name(u.alternateUnitId) }]
        : [];
    }),
    unrouted: decision.unrouted,
  };
}
