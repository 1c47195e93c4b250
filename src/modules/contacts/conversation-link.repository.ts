import { and, eq, isNull } from 'drizzle-orm';
import { chatConversations } from '../../../db/schema/chat';
import type { TDbOrTx } from '../audit/audit.repository';

/**
 * A chat's contact record: the conversation points at it (`chat_conversations.contact_id`), as a
 * call's contact points at its call row, so the transcript goes with the record under retention.
 */
export async function findOpenConversation(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      id: chatConversations.id,
      hotline: chatConversations.hotline,
      contactId: chatConversations.contactId,
    })
    .from(chatConversations)
    .where(eq(chatConversations.id, id));
  return row;
}

/** Links the contact; false when the conversation already has one (one record per chat). */
export async function linkConversation(tx: TDbOrTx, id: string, contactId: string) {
  const linked = await tx
    .update(chatConversations)
    .set({ contactId })
    .where(and(eq(chatConversations.id, id), isNull(chatConversations.contactId)))
    .returning({ id: chatConversations.id });
  return linked.length > 0;
}
