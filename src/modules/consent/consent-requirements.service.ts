import { partnerKinds, type TPartnerKind } from '../../../db/schema/partners';
import { consentRequirements } from '../../../db/schema/consent';
import type { TConsentRequirementChange } from '../../contracts/consent-requirements';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import type { TConfig } from '../../config/config';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { requirementFor } from '../referrals/consent/consent.policy';
import { lockRequirement, requirementsInForce } from './consent-requirements.repository';

/** Every partner kind with the consent it needs now; version 0 is "as shipped, never changed". */
export async function listRequirements(db: TDatabase) {
  const rows = await requirementsInForce(db);
  return partnerKinds.map((kind) => {
    const row = rows.find((r) => r.partnerKind === kind);
    const { scope, childRule } = requirementFor(kind, rows);
    return {
      partnerKind: kind,
      scope,
      childRule,
      version: row?.version ?? 0,
      changedAt: row ? row.changedAt.toISOString() : null,
    };
  });
}

/**
 * A new version of one kind's requirement (the worker reads it for the next referral; tickets
 * already sent stay sent). Refused with 409 if someone changed it since the screen was loaded.
 */
export async function changeRequirement(
  deps: { db: TDatabase; config: TConfig },
  actor: TActor,
  kind: TPartnerKind,
  change: TConsentRequirementChange,
) {
  await deps.db.transaction(async (tx) => {
    const latest = await lockRequirement(tx, kind);
    if (latest !== change.version) throw new AppError('CONFLICT');
    const version = latest + 1;
    await tx.insert(consentRequirements).values({
      partnerKind: kind,
      version,
      scope: change.scope,
      childRule: change.childRule,
      changedById: actor.userId,
    });
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'consent_requirement.changed',
      entityType: 'consent_requirement',
      entityId: kind,
      data: { version, scope: change.scope, childRule: change.childRule },
    });
  });
  return listRequirements(deps.db);
}
