import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { attachmentDecision, baseContentType, allowedAttachmentTypes } from './attachment.policy';
import type { TChannelEntry } from './chat-channels.cache';
import type { TAttachmentRow, TChatAttachmentsRepository } from './chat-attachments.repository';
import type { TChatRepository } from './chat.repository';
import {
  MediaGoneError,
  MediaTooLargeError,
  type TChatMediaFetcher,
} from './twilio-media.provider';

/** Tries per file before it is recorded as not fetched; waits 2, 4, 8… s between them. */
export const ATTACHMENT_FETCH_ATTEMPTS = 5;

export type TChatAttachmentDeps = {
  attachments: TChatAttachmentsRepository;
  repository: Pick<TChatRepository, 'conversation'>;
  channels: {
    forHotline(hotline: string, channel: TChannelEntry['channel']): TChannelEntry | undefined;
  };
  fetchers: Partial<Record<'twilio' | 'web', TChatMediaFetcher>>;
  maxBytes: number;
  log: FastifyBaseLogger;
  now: () => Date;
};

/**
 * Fetches the files contacts send, once, right after their message is stored, and again from
 * the sweep while the provider is unreachable. A file is kept encrypted with its SHA-256, or
 * recorded as refused (type, size) or failed (the provider lost it, or never answered): the desk
 * lists every one of them, so nothing a contact sent disappears without a word.
 */
export function chatAttachmentFetching(deps: TChatAttachmentDeps) {
  const { attachments, log } = deps;
  const inFlight = new Set<string>();

  async function fetchRow(row: TAttachmentRow): Promise<void> {
    const decision = attachmentDecision(row, deps.maxBytes);
    if (!decision.fetch)
      return attachments.markNotKept(
        row.id,
        decision.failure === 'no_media_ref' ? 'failed' : 'refused',
        decision.failure,
      );
    const conversation = await deps.repository.conversation(row.conversationId);
    if (!conversation) return;
    const fetcher = deps.fetchers[conversation.provider];
    const serviceSid = deps.channels.forHotline(
      conversation.hotline,
      conversation.channel,
    )?.serviceSid;
    if (!fetcher) return attachments.markNotKept(row.id, 'failed', 'fetch_failed');
    const attempts = row.attempts + 1;
    try {
      // The channel configuration not loaded yet (Postgres was down at start): try again later.
      // The web chat's files need none: the web chat holds them itself.
      if (!serviceSid && conversation.provider === 'twilio')
        throw new Error('no Conversations service for this channel');
      const media = await fetcher.fetch({
        serviceSid: serviceSid ?? '',
        mediaRef: row.providerMediaRef ?? '',
        maxBytes: deps.maxBytes,
      });
      const type = baseContentType(media.contentType || row.contentType);
      if (!allowedAttachmentTypes.includes(type))
        return attachments.markNotKept(row.id, 'refused', 'type_not_allowed');
      const sha256 = createHash('sha256').update(media.bytes).digest('hex');
      await attachments.markStored(row.id, { bytes: media.bytes, sha256, contentType: type });
    } catch (err) {
      if (err instanceof MediaTooLargeError)
        return attachments.markNotKept(row.id, 'refused', 'too_large');
      if (err instanceof MediaGoneError || attempts >= ATTACHMENT_FETCH_ATTEMPTS) {
        log.warn({ err, attachmentId: row.id }, 'chat attachment not fetched');
        return attachments.markNotKept(row.id, 'failed', 'fetch_failed');
      }
      log.warn({ err, attachmentId: row.id, attempts }, 'chat attachment fetch: will retry');
      await attachments.countAttempt(row.id, attempts);
    }
  }

  async function once(row: TAttachmentRow): Promise<void> {
    if (inFlight.has(row.id)) return;
    inFlight.add(row.id);
    try {
      await fetchRow(row);
    } finally {
      inFlight.delete(row.id);
    }
  }

  return {
    /** The files of a message just stored; never throws (the sweep tries again). */
    async forMessage(messageId: string): Promise<void> {
      try {
        const rows = await attachments.byMessage(messageId);
        for (const row of rows) if (row.state === 'pending') await once(row);
      } catch (err) {
        log.warn({ err }, 'chat attachment fetch deferred');
      }
    },

    /** Pending files whose wait since the last try is over. */
    async sweep(): Promise<number> {
      const now = deps.now().getTime();
      const rows = await attachments.pending(ATTACHMENT_FETCH_ATTEMPTS);
      const due = rows.filter(
        (r) => r.attempts === 0 || r.updatedAt.getTime() + 1000 * 2 ** r.attempts <= now,
      );
      for (const row of due) await once(row);
      return due.length;
    },
  };
}

export type TChatAttachmentFetching = ReturnType<typeof chatAttachmentFetching>;
