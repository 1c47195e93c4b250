import type { TIntakeCriteria } from '../../../../db/schema/partners';
import type { TReferralNeed, TReferralSubject } from '../../../../db/schema/referrals';

export type TRoutingRule = {
  id: string;
  need: TReferralNeed;
  provinceCode: string | null;
  ageGroup: 'child' | 'adult' | null;
  sex: string | null;
  nationality: string | null;
  exploitationForm: string | null;
  unitId: string;
  alternateUnitId: string | null;
  rank: number;
  active: boolean;
};

export type TRoutableUnit = { id: string; active: boolean; intake: TIntakeCriteria };

export type TRoutingRequest = { needs: readonly TReferralNeed[]; subject: TReferralSubject };

export type TRoutedUnit = {
  unitId: string;
  alternateUnitId: string | null;
  needs: TReferralNeed[];
  ruleIds: string[];
};

export type TRoutingDecision = { units: TRoutedUnit[]; unrouted: TReferralNeed[] };

function ruleMatches(rule: TRoutingRule, need: TReferralNeed, s: TReferralSubject): boolean {
  if (!rule.active || rule.need !== need) return false;
  if (rule.provinceCode && rule.provinceCode !== s.provinceCode) return false;
  if (rule.ageGroup && rule.ageGroup !== (s.isChild ? 'child' : 'adult')) return false;
  if (rule.sex && rule.sex !== s.sex) return false;
  if (rule.nationality && !nationalityMatches(rule.nationality, s.nationality)) return false;
  if (rule.exploitationForm && !s.exploitationForms.includes(rule.exploitationForm)) return false;
  return true;
}

/** `foreign` stands for any nationality other than Lao. */
function nationalityMatches(wanted: string, actual: string | null): boolean {
  if (wanted === 'foreign') return !!actual && actual !== 'LA';
  return wanted === actual;
}

function specificity(rule: TRoutingRule): number {
  return [rule.provinceCode, rule.ageGroup, rule.sex, rule.nationality, rule.exploitationForm]
    .map((v) => (v === null ? 0 : 1))
    .reduce<number>((a, b) => a + b, 0);
}

/** Whether the unit takes this person in (sex, age, nationality); empty criteria take anyone. */
export function intakeAccepts(intake: TIntakeCriteria, s: TReferralSubject): boolean {
  if (intake.sexes.length && !intake.sexes.includes(s.sex)) return false;
  if (
    intake.nationalities.length &&
    !(s.nationality && intake.nationalities.includes(s.nationality))
  )
    return false;
  const age = s.age ?? (s.isChild ? 17 : null);
  if (intake.maxAge !== null && (age === null || age > intake.maxAge)) return false;
  if (intake.minAge !== null && (age === null || age < intake.minAge)) return false;
  return true;
}

/**
 * Chooses the partner unit for every need: the most specific active rule whose unit is active
 * and takes this person in (ties broken by rank, then id for a stable answer). Needs served by
 * the same unit share one ticket.
 */
export function partnersForReferral(
  rules: readonly TRoutingRule[],
  units: ReadonlyMap<string, TRoutableUnit>,
  request: TRoutingRequest,
): TRoutingDecision {
  const byUnit = new Map<string, TRoutedUnit>();
  const unrouted: TReferralNeed[] = [];
  const usable = (id: string | null) => {
    const unit = id ? units.get(id) : undefined;
    return !!unit && unit.active && intakeAccepts(unit.intake, request.subject);
  };
  for (const need of new Set(request.needs)) {
    const best = rules
      .filter((r) => ruleMatches(r, need, request.subject) && usable(r.unitId))
      .sort(
        (a, b) => specificity(b) - specificity(a) || a.rank - b.rank || a.id.localeCompare(b.id),
      )[0];
    if (!best) {
      unrouted.push(need);
      continue;
    }
    const alternate = usable(best.alternateUnitId) ? best.alternateUnitId : null;
    const routed = byUnit.get(best.unitId) ?? {
      unitId: best.unitId,
      alternateUnitId: alternate,
      needs: [],
      ruleIds: [],
    };
    routed.needs.push(need);
    routed.ruleIds.push(best.id);
    routed.alternateUnitId ??= alternate;
    byUnit.set(best.unitId, routed);
  }
  return { units: [...byUnit.values()], unrouted };
}
