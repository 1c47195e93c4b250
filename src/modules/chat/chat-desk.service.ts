import type { TConfig } from '../../config/config';
import type { TChatMessage, TChatSendResult, TCounsellorEndReason } from '../../contracts/chat';
import { AppError } from '../../errors/catalogue';
import type { TDatabase } from '../../infra/database';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { can } from '../auth/permissions.policy';
import { conversationView } from './chat.repository';
import type { TChatModule } from './chat.module';

export type TChatDeskDeps = { chat: TChatModule; db: TDatabase; config: TConfig };

export async function visibleConversation(deps: TChatDeskDeps, actor: TActor, id: string) {
  const row = await deps.chat.repository.conversation(id);
  // Out of reach answers as missing: a chat's existence is not confirmed to other hotlines.
  if (!row || !can(actor, 'chat.view', { hotline: row.hotline, ownerIds: [row.assignedTo] }))
    throw new AppError('CHAT_CONVERSATION_NOT_FOUND');
  return row;
}

/** Chats of the actor's hotlines waiting for a counsellor, routed or not, oldest first. */
export async function waitingChats(deps: TChatDeskDeps, actor: TActor) {
  const rows = await deps.chat.repository.waiting(actor.hotlines);
  return rows.map((r) => conversationView(r, 0));
}

/** The chats the actor holds now: her desk's list, rebuilt after a reload. */
export async function myChats(deps: TChatDeskDeps, actor: TActor) {
  const rows = await deps.chat.repository.heldBy(actor.userId);
  return rows.map((r) => conversationView(r, 0));
}

/** The conversation and its transcript; the read is audited in the same transaction. */
export async function readChat(deps: TChatDeskDeps, actor: TActor, id: string) {
  const row = await visibleConversation(deps, actor, id);
  const earlier = await deps.chat.repository.earlierConversations(row);
  const messages: TChatMessage[] = await deps.db.transaction(async (tx) => {
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'chat.transcript_viewed',
      entityType: 'chat_conversation',
      entityId: id,
    });
    return deps.chat.repository.transcript(id, tx);
  });
  return { conversation: conversationView(row, earlier), messages };
}

/** A counsellor's reply; every refusal comes back as its catalogue code (told, never dropped). */
export async function replyToChat(
  deps: TChatDeskDeps,
  actor: TActor,
  id: string,
  input: { text: string; templateKey: string | null },
): Promise<Extract<TChatSendResult, { status: 'sent' }>> {
  await visibleConversation(deps, actor, id);
  const result = await deps.chat.outbox.send(
    { conversationId: id, ...input },
    { kind: 'staff', staffUserId: actor.userId },
  );
  if (result.status === 'refused') throw new AppError(result.code);
  if (result.status === 'failed') throw new AppError('CHAT_DELIVERY_FAILED');
  return result;
}

/** The counsellor ends the chat: its task ends (she wraps up), the provider closes it. */
export async function endChat(
  deps: TChatDeskDeps,
  actor: TActor,
  id: string,
  reason: TCounsellorEndReason | null = null,
): Promise<void> {
  const row = await visibleConversation(deps, actor, id);
  await deps.chat.inbox.end({ provider: row.provider, ref: row.providerRef }, 'counsellor');
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'chat.ended',
      entityType: 'chat_conversation',
      entityId: id,
      data: { reason },
    }),
  );
}
