import type { TChatAttachment } from '../../contracts/chat';
import { AppError } from '../../errors/catalogue';
import { recordAudit } from '../audit/audit.repository';
import type { TActor } from '../auth/actor';
import { visibleConversation, type TChatDeskDeps } from './chat-desk.service';

/** A conversation's files, described only (name, type, size, SHA-256, whether kept); audited. */
export async function listChatAttachments(
  deps: TChatDeskDeps,
  actor: TActor,
  conversationId: string,
): Promise<TChatAttachment[]> {
  await visibleConversation(deps, actor, conversationId);
  return deps.db.transaction(async (tx) => {
    await recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'chat.attachments_listed',
      entityType: 'chat_conversation',
      entityId: conversationId,
    });
    return deps.chat.attachments.list(conversationId, tx);
  });
}

/**
 * One file's bytes, on an explicit request by someone who may read the transcript. The download
 * is audited before the bytes leave (with the SHA-256 they must match); a file that was not kept
 * answers why.
 */
export async function downloadChatAttachment(
  deps: TChatDeskDeps,
  actor: TActor,
  conversationId: string,
  attachmentId: string,
) {
  await visibleConversation(deps, actor, conversationId);
  const row = await deps.chat.attachments.one(conversationId, attachmentId);
  if (!row) throw new AppError('CHAT_ATTACHMENT_NOT_FOUND');
  if (row.state !== 'stored') throw new AppError('CHAT_ATTACHMENT_NOT_STORED');
  const bytes = deps.chat.attachments.content(row);
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config, {
      actorId: actor.userId,
      action: 'chat.attachment_downloaded',
      entityType: 'chat_attachment',
      entityId: row.id,
      data: { conversationId, sha256: row.sha256, sizeBytes: bytes.length },
    }),
  );
  const view = deps.chat.attachments.view(row);
  return { bytes, view };
}
