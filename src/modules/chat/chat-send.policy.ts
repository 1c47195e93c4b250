import type { TChatChannel, TChatSendRefusal } from '../../contracts/chat';

/** WhatsApp lets a business write freely only within 24 hours of the person's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type TSendableConversation = {
  channel: TChatChannel;
  state: 'waiting' | 'offered' | 'active' | 'ended';
  stoppedAt: Date | null;
  noMessages: boolean;
  lastInboundAt: Date | null;
};

/**
 * May this message go out? Checked in this order because the stronger refusal is the one the
 * counsellor must read: a stop word or "no messages" outlasts any window.
 * - after a stop word, nothing, ever;
 * - a contact marked "no messages" is never written to;
 * - Saiduan never writes first: the contact must have written in this conversation;
 * - an ended chat takes no more messages;
 * - WhatsApp outside 24 hours of the last inbound message: only an approved neutral template.
 */
export function decideChatSend(input: {
  conversation: TSendableConversation;
  templateKey: string | null;
  approvedTemplates: readonly string[];
  now: Date;
}): { allowed: true } | { allowed: false; code: TChatSendRefusal } {
  const { conversation: c, templateKey, now } = input;
  if (c.stoppedAt) return { allowed: false, code: 'CHAT_STOPPED' };
  if (c.noMessages) return { allowed: false, code: 'CHAT_NO_MESSAGES' };
  if (!c.lastInboundAt) return { allowed: false, code: 'CHAT_NOT_STARTED_BY_CONTACT' };
  if (c.state === 'ended') return { allowed: false, code: 'CHAT_ENDED' };
  if (templateKey !== null && !input.approvedTemplates.includes(templateKey))
    return { allowed: false, code: 'CHAT_TEMPLATE_NOT_APPROVED' };
  const inWindow = now.getTime() - c.lastInboundAt.getTime() < WHATSAPP_WINDOW_MS;
  if (c.channel === 'whatsapp' && !inWindow && templateKey === null)
    return { allowed: false, code: 'CHAT_WINDOW_CLOSED' };
  return { allowed: true };
}
