import type { FastifyBaseLogger } from 'fastify';
import type { TChatRoutingPort, TChatTransport } from '../../contracts/chat';
import type { TChatChannelsCache } from './chat-channels.cache';
import type { TChatJournal } from './chat-journal';
import type { TChatNotices } from './chat-notifier';
import type { TChatRepository } from './chat.repository';

/** What the chat services share; built once in chat.plugin.ts. */
export type TChatDeps = {
  repository: TChatRepository;
  journal: TChatJournal;
  channels: TChatChannelsCache;
  notices: TChatNotices;
  routing: TChatRoutingPort;
  /** Per provider: Twilio Conversations, and 'web' once the web-chat namespace registers it. */
  transports: Partial<Record<'twilio' | 'web', TChatTransport>>;
  /** How long a webhook waits for Postgres before the message goes to the journal. */
  storeTimeoutMs: number;
  log: FastifyBaseLogger;
  now: () => Date;
  /** Fetches the files of a message once it is stored (never blocks the webhook). */
  fetchAttachments?: (messageId: string) => Promise<void>;
};
