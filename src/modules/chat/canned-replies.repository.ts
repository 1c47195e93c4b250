import { and, asc, eq } from 'drizzle-orm';
import { chatCannedReplies } from '../../../db/schema/chat';
import type { TCannedReply, TCannedReplyInput } from '../../contracts/chat';
import type { TDbOrTx } from '../audit/audit.repository';

type TRow = typeof chatCannedReplies.$inferSelect;

const view = (row: TRow): TCannedReply => ({
  id: row.id,
  hotline: row.hotline,
  language: row.language,
  title: row.title,
  body: row.body,
  updatedAt: row.updatedAt.toISOString(),
});

export async function listCannedReplies(
  db: TDbOrTx,
  hotline: string,
  language?: 'lo' | 'en',
): Promise<TCannedReply[]> {
  const rows = await db
    .select()
    .from(chatCannedReplies)
    .where(
      and(
        eq(chatCannedReplies.hotline, hotline),
        language ? eq(chatCannedReplies.language, language) : undefined,
      ),
    )
    .orderBy(asc(chatCannedReplies.language), asc(chatCannedReplies.title));
  return rows.map(view);
}

export async function insertCannedReply(
  db: TDbOrTx,
  hotline: string,
  input: TCannedReplyInput,
  by: string,
): Promise<TCannedReply> {
  const [row] = await db
    .insert(chatCannedReplies)
    .values({ hotline, ...input, createdBy: by })
    .returning();
  return view(row as TRow);
}

export async function updateCannedReply(
  db: TDbOrTx,
  hotline: string,
  id: string,
  input: TCannedReplyInput,
): Promise<TCannedReply | null> {
  const [row] = await db
    .update(chatCannedReplies)
    .set(input)
    .where(and(eq(chatCannedReplies.id, id), eq(chatCannedReplies.hotline, hotline)))
    .returning();
  return row ? view(row) : null;
}

export async function deleteCannedReply(db: TDbOrTx, hotline: string, id: string) {
  const [row] = await db
    .delete(chatCannedReplies)
    .where(and(eq(chatCannedReplies.id, id), eq(chatCannedReplies.hotline, hotline)))
    .returning({ id: chatCannedReplies.id });
  return row ?? null;
}
