import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { blockedCallers } from '../../../db/schema/telephony-settings';
import type { TDatabase } from '../../infra/database';
import type { TDbOrTx } from '../audit/audit.repository';

export type TBlockInput = {
  phoneHash: string;
  phoneLast?: string | null;
  hotline?: string | null;
  reason: string;
  expiresAt?: Date | null;
  createdBy?: string | null;
};

export type TBlocklistRepository = ReturnType<typeof blocklistRepository>;

const listColumns = {
  id: blockedCallers.id,
  phoneLast: blockedCallers.phoneLast,
  hotline: blockedCallers.hotline,
  reason: blockedCallers.reason,
  expiresAt: blockedCallers.expiresAt,
  createdBy: blockedCallers.createdBy,
  createdAt: blockedCallers.createdAt,
};

/** Blocks still in force, newest first; the hash never leaves the server. */
export function listActiveBlocks(db: TDbOrTx, now = new Date()) {
  return db
    .select(listColumns)
    .from(blockedCallers)
    .where(or(isNull(blockedCallers.expiresAt), gt(blockedCallers.expiresAt, now)))
    .orderBy(desc(blockedCallers.createdAt))
    .limit(500);
}

/** Callers blocked by phone HMAC; a block applies to one hotline or (hotline null) to all. */
export function blocklistRepository(db: TDatabase) {
  return {
    async isBlocked(phoneHash: string, hotline: string, now = new Date()): Promise<boolean> {
      const [row] = await db
        .select({ id: blockedCallers.id })
        .from(blockedCallers)
        .where(
          and(
            eq(blockedCallers.phoneHash, phoneHash),
            or(isNull(blockedCallers.hotline), eq(blockedCallers.hotline, hotline)),
            or(isNull(blockedCallers.expiresAt), gt(blockedCallers.expiresAt, now)),
          ),
        )
        .limit(1);
      return row !== undefined;
    },
    async block(input: TBlockInput): Promise<{ id: string }> {
      const [row] = await db
        .insert(blockedCallers)
        .values({
          phoneHash: input.phoneHash,
          phoneLast: input.phoneLast ?? null,
          hotline: input.hotline ?? null,
          reason: input.reason,
          expiresAt: input.expiresAt ?? null,
          createdBy: input.createdBy ?? null,
        })
        .returning({ id: blockedCallers.id });
      return { id: (row as { id: string }).id };
    },
    async lift(id: string): Promise<void> {
      await db.delete(blockedCallers).where(eq(blockedCallers.id, id));
    },
  };
}
