import { eq } from 'drizzle-orm';
import { staffUsers } from '../../../db/schema/staff';
import type { TConfig } from '../../config/config';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import { recordAudit } from '../audit/audit.repository';
import { decryptField, encryptField, type TFieldContext } from '../crypto/field-cipher';
import { keyringOf } from '../crypto/keyring';
import { nextAnswerSetting, type TAnswerChange, type TAnswerSetting } from './answer-on.policy';

type TDeps = { db: TDatabase; config: TConfig };

const mobileField = (userId: string): TFieldContext => ({
  table: 'staff_users',
  column: 'mobile_enc',
  rowId: userId,
});

function toSetting(
  config: TConfig,
  userId: string,
  row: { answerOn: TAnswerSetting['answerOn']; mobileEnc: string | null },
): TAnswerSetting {
  return {
    answerOn: row.answerOn,
    mobile: row.mobileEnc
      ? decryptField(keyringOf(config), mobileField(userId), row.mobileEnc)
      : null,
  };
}

/** Where this staff member answers; null when there is no such user. */
export async function readAnswerSetting(
  deps: TDeps,
  userId: string,
): Promise<TAnswerSetting | null> {
  const [row] = await deps.db
    .select({ answerOn: staffUsers.answerOn, mobileEnc: staffUsers.mobileEnc })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId))
    .limit(1);
  return row ? toSetting(deps.config, userId, row) : null;
}

/**
 * Changes where a staff member answers (by themselves or by an administrator). The number is
 * encrypted bound to its row; the audit row names the fields changed, never the number.
 */
export async function saveAnswerSetting(
  deps: TDeps,
  actorId: string,
  userId: string,
  change: TAnswerChange,
): Promise<TAnswerSetting> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ answerOn: staffUsers.answerOn, mobileEnc: staffUsers.mobileEnc })
      .from(staffUsers)
      .where(eq(staffUsers.id, userId))
      .for('update')
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND');
    const next = nextAnswerSetting(toSetting(deps.config, userId, row), change);
    if (!next.ok) throw new AppError('VALIDATION_FAILED', { internal: next.reason });
    const { answerOn, mobile } = next.value;
    await tx
      .update(staffUsers)
      .set({
        answerOn,
        mobileEnc: mobile
          ? encryptField(keyringOf(deps.config), mobileField(userId), mobile)
          : null,
        updatedAt: new Date(),
      })
      .where(eq(staffUsers.id, userId));
    await recordAudit(tx, deps.config, {
      actorId,
      action: 'user.updated',
      entityType: 'staff_user',
      entityId: userId,
      data: {
        fields: Object.keys(change).filter((k) => k === 'answerOn' || k === 'mobile'),
        answerOn,
      },
    });
    return next.value;
  });
}
