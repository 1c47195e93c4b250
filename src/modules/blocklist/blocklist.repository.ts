import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { blockedCallers } from '../../../db/schema/telephony-settings';
import type { TDatabase } from '../../infra/database';

export type TBlockInput = {
  phoneHash: string;
  hotline?: string | null;
  reason: string;
  expiresAt?: Date | null;
  createdBy?: string | null;
};

export type TBlocklistRepository = ReturnType<typeof blocklistRepository>;

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
