import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { TConfig } from '../../config/config';
import type { TChatOutbox, TChatRoutingPort } from '../../contracts/chat';
import type { TDatabase } from '../../infra/database';
import { keyringFromConfig } from '../crypto/keyring';
import { guard } from '../../infra/store-guard';
import { chatChannelsCache, type TChatChannelsCache } from './chat-channels.cache';
import {
  chatAttachmentsRepository,
  type TChatAttachmentsRepository,
} from './chat-attachments.repository';
import { chatAttachmentFetching, type TChatAttachmentFetching } from './chat-attachments.service';
import { chatInbox, type TChatInboxService } from './chat-inbox.service';
import { fileChatJournal, type TChatJournal } from './chat-journal';
import { chatNotices, type TChatNotices } from './chat-notifier';
import { chatOutbox } from './chat-outbox.service';
import type { TChatDeps } from './chat.context';
import { chatRepository, type TChatRepository } from './chat.repository';
import { twilioChatTransport } from './twilio-conversations.provider';
import { twilioMediaFetcher, type TChatMediaFetcher } from './twilio-media.provider';

export type TChatModule = {
  inbox: TChatInboxService;
  outbox: TChatOutbox;
  notices: TChatNotices;
  channels: TChatChannelsCache;
  repository: TChatRepository;
  /** Files contacts sent: kept encrypted with their SHA-256, listed and downloaded on request. */
  attachments: TChatAttachmentsRepository;
  attachmentFetching: TChatAttachmentFetching;
  /** Conversations as routing tasks (a transfer hands one back to the line). */
  routing: TChatRoutingPort;
  /** Inbound messages waiting for Postgres on this node. */
  journal: TChatJournal;
  /** The web-chat namespace registers its transport here ('web'). */
  transports: TChatDeps['transports'];
  /** Loads the channel configuration and starts the sweep (journal drain, routing retries). */
  start(): Promise<void>;
  stop(): void;
};

const SWEEP_MS = 1000;
const CONFIG_REFRESH_MS = 30_000;

/**
 * The chat channel of one API node, built once by the composition root: inbox (exactly once,
 * journal when Postgres is down), outbox (policies before every send), the channel configuration
 * cache, and the sweep that drains the journal and asks routing again for chats Redis missed.
 */
export function createChatModule(deps: {
  config: TConfig;
  db: TDatabase;
  log: FastifyBaseLogger;
  routing: TChatRoutingPort;
  /** The web chat's files (it holds them until they are kept here). */
  webMedia?: TChatMediaFetcher;
}): TChatModule {
  const { config, db, log } = deps;
  const keyring = keyringFromConfig(config);
  const repository = chatRepository(db, keyring);
  const channels = chatChannelsCache(repository);
  const attachments = chatAttachmentsRepository(db, keyring);
  const attachmentFetching = chatAttachmentFetching({
    attachments,
    repository,
    channels,
    fetchers: { twilio: twilioMediaFetcher(config), web: deps.webMedia },
    maxBytes: config.CHAT_ATTACHMENT_MAX_BYTES,
    log,
    now: () => new Date(),
  });
  const shared: TChatDeps = {
    repository,
    journal: fileChatJournal(
      config.CHAT_JOURNAL_DIR ?? join(config.DATA_DIR, 'chat-journal'),
      keyring,
      (file, err) =>
        log.error({ err, file }, 'journaled chat message unreadable: set aside as .unreadable'),
    ),
    channels,
    notices: chatNotices((err) => log.error({ err }, 'chat listener failed')),
    routing: deps.routing,
    transports: { twilio: twilioChatTransport(config) },
    storeTimeoutMs: config.CHAT_STORE_TIMEOUT_MS,
    log,
    now: () => new Date(),
    fetchAttachments: (messageId) => attachmentFetching.forMessage(messageId),
  };
  const inbox = chatInbox(shared);

  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      if (!channels.loaded()) await channels.refresh();
      const { stored } = await inbox.drain();
      if (stored) log.info({ stored }, 'journaled chat messages stored');
      await inbox.routePending();
      await attachmentFetching.sweep();
    } catch (err) {
      log.warn({ err }, 'chat sweep failed');
    } finally {
      sweeping = false;
    }
  };
  let timers: NodeJS.Timeout[] = [];

  return {
    inbox,
    outbox: chatOutbox(shared, db),
    notices: shared.notices,
    channels,
    repository,
    attachments,
    attachmentFetching,
    routing: deps.routing,
    journal: shared.journal,
    transports: shared.transports,
    async start() {
      await guard(() => channels.refresh(), 2000);
      timers = [
        setInterval(() => void sweep(), SWEEP_MS),
        setInterval(() => void guard(() => channels.refresh(), 2000), CONFIG_REFRESH_MS),
      ];
      for (const t of timers) t.unref();
    },
    stop() {
      for (const t of timers) clearInterval(t);
      timers = [];
    },
  };
}
