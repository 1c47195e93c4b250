import { eq } from 'drizzle-orm';
import { chatConversations } from '../../../db/schema/chat';
import type {
  TChatSendResult,
  TChatSender,
  TChatOutbox,
  TOutboundChatMessage,
} from '../../contracts/chat';
import type { TDatabase } from '../../infra/database';
import { decideChatSend } from './chat-send.policy';
import type { TChatDeps } from './chat.context';

/** Who the contact sees writing: the hotline, never a counsellor's name. */
export const chatAuthor = (hotline: string) => `hotline-${hotline}`;

/**
 * Counsellors' (and the system's) messages. The policy is decided with the conversation row
 * locked and the message handed to the provider before the lock is released: a stop word stored
 * meanwhile waits for this send, or this send sees it and refuses. So nothing is ever sent after
 * a stop word has been stored.
 */
export function chatOutbox(deps: TChatDeps, db: TDatabase): TChatOutbox {
  return {
    async send(message: TOutboundChatMessage, by: TChatSender): Promise<TChatSendResult> {
      const staffId = by.kind === 'staff' ? by.staffUserId : null;
      const outcome = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(chatConversations)
          .where(eq(chatConversations.id, message.conversationId))
          .for('update');
        if (!row) return { status: 'refused', code: 'CHAT_CONVERSATION_NOT_FOUND' } as const;
        const channel = deps.channels.forHotline(row.hotline, row.channel);
        const templates = row.channel === 'whatsapp' ? (channel?.templates ?? {}) : {};
        const noMessages =
          row.noMessages || (await deps.repository.noMessagesMarked(row.contactHash));
        const decision = decideChatSend({
          conversation: { ...row, noMessages },
          templateKey: message.templateKey,
          approvedTemplates: Object.keys(templates),
          now: deps.now(),
        });
        if (!decision.allowed) return { status: 'refused', code: decision.code } as const;
        const template = message.templateKey ? templates[message.templateKey] : undefined;
        const text = template
          ? row.language === 'lo'
            ? template.textLo
            : template.textEn
          : message.text;
        const stored = await deps.repository.insertOutbound(
          {
            conversationId: row.id,
            authorId: staffId,
            text,
            templateKey: message.templateKey,
            at: deps.now(),
          },
          tx,
        );
        if (staffId && row.state !== 'active')
          await tx
            .update(chatConversations)
            .set({ state: 'active', assignedTo: row.assignedTo ?? staffId })
            .where(eq(chatConversations.id, row.id));
        const transport = deps.transports[row.provider];
        let providerMessageId: string | null = null;
        let ok = false;
        try {
          if (!transport) throw new Error(`no transport for ${row.provider}`);
          ({ providerMessageId } = await transport.deliver({
            conversationRef: { provider: row.provider, ref: row.providerRef },
            serviceSid: channel?.serviceSid ?? null,
            text,
            author: chatAuthor(row.hotline),
            templateId: template?.contentSid ?? null,
          }));
          ok = true;
        } catch (err) {
          deps.log.warn({ err, conversationId: row.id }, 'chat message not delivered');
        }
        await deps.repository.markSent(stored.id, providerMessageId, ok, tx);
        return { status: ok ? 'sent' : 'failed', row, stored, providerMessageId } as const;
      });
      if (outcome.status === 'refused') return outcome;
      const { row, stored, providerMessageId } = outcome;
      deps.notices.message({
        conversationId: row.id,
        conversationRef: { provider: row.provider, ref: row.providerRef },
        hotline: row.hotline,
        channel: row.channel,
        assignedTo: row.assignedTo ?? staffId,
        message: deps.repository.readMessage({
          ...stored,
          providerMessageId,
          delivery: outcome.status === 'sent' ? 'sent' : 'failed',
        }),
      });
      return outcome.status === 'sent'
        ? { status: 'sent', messageId: stored.id, providerMessageId }
        : { status: 'failed', messageId: stored.id };
    },
  };
}
