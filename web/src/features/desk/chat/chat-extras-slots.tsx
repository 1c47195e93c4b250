import { CannedReplyPicker } from '../../chat-extras/canned-reply-picker';
import { ChatAttachments } from '../../chat-extras/chat-attachments';
import type { TChatPanelSlots } from './chat-panel';

/**
 * The chat extras on the desk: canned replies in the conversation's hotline and language beside
 * the reply box (a pick is inserted, never sent by itself), and the files the contact sent under
 * the transcript (listed, downloaded only on request).
 */
export const chatExtrasSlots: TChatPanelSlots = {
  cannedReplies: (conversation, insert) => (
    <CannedReplyPicker
      hotline={conversation.hotline}
      language={conversation.language}
      onPick={insert}
    />
  ),
  attachments: (conversation, announced) => (
    <ChatAttachments conversationId={conversation.id} announced={announced} />
  ),
};
