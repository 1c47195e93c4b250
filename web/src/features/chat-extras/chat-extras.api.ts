import { api } from '../../shared/api/api-client';
import { ZCannedReplyList, ZChatAttachmentList } from '../../../../src/contracts/api/chat-settings';

export type { TCannedReply, TChatAttachment } from '../../../../src/contracts/chat';

export const fetchPickableReplies = (hotline: string, language: string) =>
  api
    .get(`/api/staff/canned-replies/${hotline}`, ZCannedReplyList, {
      query: { language: language === 'en' ? 'en' : language === 'lo' ? 'lo' : undefined },
    })
    .then((r) => r.replies);

export const fetchChatAttachments = (conversationId: string) =>
  api
    .get(`/api/staff/chats/${conversationId}/attachments`, ZChatAttachmentList)
    .then((r) => r.attachments);

/** Same-origin link; the server answers it as a download (Content-Disposition: attachment). */
export const attachmentDownloadUrl = (conversationId: string, attachmentId: string) =>
  `/api/staff/chats/${conversationId}/attachments/${attachmentId}/download`;
