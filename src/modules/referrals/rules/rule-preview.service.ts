import type { TReferralNeed, TReferralSubject } from '../../../../db/schema/referrals';
import type { TDatabase } from '../../../infra/database';
import { activeRulesFor, unitsByIds } from './rule-preview.repository';
import { partnersForReferral, type TRoutableUnit } from './routing-rules.policy';

/**
 * "Which partner would get this?": the same rules, units and decision the referral worker uses,
 * run on a made-up person without storing anything.
 */
export async function previewRouting(
  db: TDatabase,
  request: { needs: TReferralNeed[]; subject: TReferralSubject },
) {
  const rules = await activeRulesFor(db, request.needs);
  const unitIds = [...new Set(rules.flatMap((r) => [r.unitId, r.alternateUnitId ?? r.unitId]))];
  const unitRows = await unitsByIds(db, unitIds);
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
