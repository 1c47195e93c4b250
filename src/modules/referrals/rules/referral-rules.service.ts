import { asc, eq } from 'drizzle-orm';
import { partnerUnits } from '../../../../db/schema/partners';
import { referralRules } from '../../../../db/schema/referrals';
import type { TConfig } from '../../../config/config';
import { AppError } from '../../../errors/catalogue';
import type { TDatabase } from '../../../infra/database';
import { recordAudit } from '../../audit/audit.repository';
import type { TActor } from '../../auth/actor';

export type TRuleInput = Omit<typeof referralRules.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export function listRules(db: TDatabase) {
  return db.select().from(referralRules).orderBy(asc(referralRules.need), asc(referralRules.rank));
}

/** Creates (no id) or changes a routing rule. Rules are data: the next referral uses them. */
export async function saveRule(
  deps: { db: TDatabase; config: TConfig },
  actor: TActor,
  id: string | null,
  input: Partial<TRuleInput>,
) {
  return deps.db.transaction(async (tx) => {
    for (const unitId of [input.unitId, input.alternateUnitId]) {
      if (!unitId) continue;
      const [unit] = await tx
        .select({ id: partnerUnits.id })
        .from(partnerUnits)
        .where(eq(partnerUnits.id, unitId));
      if (!unit)
        throw new AppError('VALIDATION_FAILED', {
          details: [{ path: '/unitId', message: 'unknown partner unit' }],
        });
    }
    const [row] = id
      ? await tx.update(referralRules).set(input).where(eq(referralRules.id, id)).returning()
      : await tx
          .insert(referralRules)
          .values(input as TRuleInput)
          .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'referral_rule.changed',
      entityType: 'referral_rule',
      entityId: row.id,
      data: { created: !id, fields: Object.keys(input) },
    });
    return row;
  });
}
