import { eq } from 'drizzle-orm';
import { hotlines } from '../../../db/schema/hotlines';
import { blockedCallers } from '../../../db/schema/telephony-settings';
import type { TConfig } from '../../config/config';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import type { TActor } from '../auth/actor';
import { recordAudit } from '../audit/audit.repository';
import { keyringOf } from '../crypto/keyring';
import { normalisePhone, phoneHash } from '../crypto/phone-hash';
import { listActiveBlocks } from './blocklist.repository';
import type { TBlockReason } from '../../contracts/api/blocklist';

// Reasons are codes (src/contracts/api/blocklist), so no free text about a caller is ever stored.

type TDeps = { db: TDatabase; config: Pick<TConfig, 'ENCRYPTION_KEYS' | 'HMAC_KEY'> };

export type TNewBlock = {
  phone: string;
  hotline: string | null;
  reason: TBlockReason;
  expiresAt: Date | null;
};

const lastDigits = (phone: string) => normalisePhone(phone).replace(/\D/g, '').slice(-3);

export async function listBlocks(deps: TDeps, now = new Date()) {
  return listActiveBlocks(deps.db, now);
}

/**
 * Blocks a number from its next call on: stored as the same keyed hash the voice webhook looks
 * up, plus its last three digits for the list. The change and its audit row commit together.
 */
export async function addBlock(deps: TDeps, actor: TActor, input: TNewBlock, now = new Date()) {
  if (input.expiresAt && input.expiresAt <= now) throw new AppError('VALIDATION_FAILED');
  return deps.db.transaction(async (tx) => {
    // A block on a hotline that does not exist would silently never apply.
    if (input.hotline) {
      const [known] = await tx
        .select({ number: hotlines.number })
        .from(hotlines)
        .where(eq(hotlines.number, input.hotline));
      if (!known) throw new AppError('VALIDATION_FAILED');
    }
    const [row] = await tx
      .insert(blockedCallers)
      .values({
        phoneHash: phoneHash(keyringOf(deps.config), input.phone),
        phoneLast: lastDigits(input.phone),
        hotline: input.hotline,
        reason: input.reason,
        expiresAt: input.expiresAt,
        createdBy: actor.userId,
      })
      .returning();
    const block = row as typeof blockedCallers.$inferSelect;
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'blocklist.added',
      entityType: 'blocked_caller',
      entityId: block.id,
      data: { hotline: input.hotline, reason: input.reason, expires: input.expiresAt !== null },
    });
    const { phoneHash: _hash, ...view } = block;
    return view;
  });
}

export async function removeBlock(deps: TDeps, actor: TActor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(blockedCallers)
      .where(eq(blockedCallers.id, id))
      .returning({ id: blockedCallers.id, hotline: blockedCallers.hotline });
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'blocklist.removed',
      entityType: 'blocked_caller',
      entityId: id,
      data: { hotline: row.hotline },
    });
  });
}
