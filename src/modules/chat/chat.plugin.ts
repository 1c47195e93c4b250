import { join } from 'node:path';
import fp from 'fastify-plugin';
import type { TChatOutbox } from '../../contracts/chat';
import { keyringFromConfig } from '../crypto/keyring';
import { guard } from '../telephony/store-guard';
import { chatChannelsCache, type TChatChannelsCache } from './chat-channels.cache';
import { chatInbox, type TChatInboxService } from './chat-inbox.service';
import { fileChatJournal, type TChatJournal } from './chat-journal';
import { chatNotices, type TChatNotices } from './chat-notifier';
import { chatOutbox } from './chat-outbox.service';
import { unroutedChatRouting } from './chat-routing.adapter';
import type { TChatDeps } from './chat.context';
import { chatRepository, type TChatRepository } from './chat.repository';
import { twilioChatTransport } from './twilio-conversations.provider';

export type TChatModule = {
  inbox: TChatInboxService;
  outbox: TChatOutbox;
  notices: TChatNotices;
  channels: TChatChannelsCache;
  repository: TChatRepository;
  /** Inbound messages waiting for Postgres on this node. */
  journal: TChatJournal;
  /** The web-chat namespace registers its transport here. */
  transports: TChatDeps['transports'];
};

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyInstance {
    chat: TChatModule;
  }
}

const SWEEP_MS = 1000;
const CONFIG_REFRESH_MS = 30_000;

/**
 * The chat channel on this node: inbox (exactly once, journal when Postgres is down), outbox
 * (policies before every send), channel configuration cache, and the sweep that drains the
 * journal and retries routing that Redis could not take.
 */
export const chatPlugin = fp(
  async (app) => {
    const { config, db } = app.deps;
    const keyring = keyringFromConfig(config);
    const repository = chatRepository(db, keyring);
    const channels = chatChannelsCache(repository);
    const deps: TChatDeps = {
      repository,
      journal: fileChatJournal(
        config.CHAT_JOURNAL_DIR ?? join(config.DATA_DIR, 'chat-journal'),
        keyring,
      ),
      channels,
      notices: chatNotices((err) => app.log.error({ err }, 'chat listener failed')),
      routing: unroutedChatRouting(),
      transports: { twilio: twilioChatTransport(config) },
      storeTimeoutMs: config.CHAT_STORE_TIMEOUT_MS,
      log: app.log,
      now: () => new Date(),
    };
    const inbox = chatInbox(deps);
    app.decorate('chat', {
      inbox,
      outbox: chatOutbox(deps, db),
      notices: deps.notices,
      channels,
      repository,
      journal: deps.journal,
      transports: deps.transports,
    });

    await guard(() => channels.refresh(), 2000);
    let sweeping = false;
    const sweep = async () => {
      if (sweeping) return;
      sweeping = true;
      try {
        if (!channels.loaded()) await channels.refresh();
        const { stored } = await inbox.drain();
        if (stored) app.log.info({ stored }, 'journaled chat messages stored');
        await inbox.routePending();
      } catch (err) {
        app.log.warn({ err }, 'chat sweep failed');
      } finally {
        sweeping = false;
      }
    };
    const sweeper = setInterval(() => void sweep(), SWEEP_MS);
    const refresher = setInterval(
      () => void guard(() => channels.refresh(), 2000),
      CONFIG_REFRESH_MS,
    );
    sweeper.unref();
    refresher.unref();
    app.addHook('onClose', async () => {
      clearInterval(sweeper);
      clearInterval(refresher);
    });
  },
  { name: 'chat' },
);
