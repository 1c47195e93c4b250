import { and, desc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { webchatBlocks } from '../../../db/schema/webchat';
import type { TDbOrTx } from '../audit/audit.repository';

/** Whether a visitor (keyed address hash) is blocked on this hotline's chat right now. */
export async function isVisitorBlocked(
  db: TDbOrTx,
  visitorHash: string,
  hotline: string,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ id: webchatBlocks.id })
    .from(webchatBlocks)
    .where(
      and(
        eq(webchatBlocks.visitorHash, visitorHash),
        or(isNull(webchatBlocks.hotline), eq(webchatBlocks.hotline, hotline)),
        gt(webchatBlocks.expiresAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertBlock(
  db: TDbOrTx,
  input: { visitorHash: string; hotline: string; reason: string; expiresAt: Date; by: string },
) {
  const [row] = await db
    .insert(webchatBlocks)
    .values({
      visitorHash: input.visitorHash,
      hotline: input.hotline,
      reason: input.reason,
      expiresAt: input.expiresAt,
      createdBy: input.by,
    })
    .returning({
      id: webchatBlocks.id,
      hotline: webchatBlocks.hotline,
      reason: webchatBlocks.reason,
      expiresAt: webchatBlocks.expiresAt,
    });
  return row as { id: string; hotline: string | null; reason: string; expiresAt: Date };
}

export async function deleteBlock(db: TDbOrTx, id: string) {
  const [row] = await db
    .delete(webchatBlocks)
    .where(eq(webchatBlocks.id, id))
    .returning({ id: webchatBlocks.id, hotline: webchatBlocks.hotline });
  return row ?? null;
}

/** Blocks still running, newest first: of the given hotlines (and the every-hotline ones), or all. */
export async function activeBlocks(
  db: TDbOrTx,
  hotlines: readonly string[] | 'all',
  now = new Date(),
) {
  return db
    .select({
      id: webchatBlocks.id,
      hotline: webchatBlocks.hotline,
      reason: webchatBlocks.reason,
      expiresAt: webchatBlocks.expiresAt,
      createdAt: webchatBlocks.createdAt,
    })
    .from(webchatBlocks)
    .where(
      and(
        gt(webchatBlocks.expiresAt, now),
        hotlines === 'all'
          ? undefined
          : or(isNull(webchatBlocks.hotline), inArray(webchatBlocks.hotline, [...hotlines, ''])),
      ),
    )
    .orderBy(desc(webchatBlocks.createdAt));
}
