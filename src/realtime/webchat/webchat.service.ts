import type { FastifyInstance } from 'fastify';
import type { TChatConversation, TChatInbox, TChatTransport } from '../../contracts/chat';
import type { TActor } from '../../modules/auth/actor';
import {
  blockWebVisitor,
  liftWebVisitorBlock,
  type TWebchatBlockReason,
} from '../../modules/webchat/webchat-block.service';
import { webchatLimits } from '../../modules/webchat/webchat-limits.repository';
import { webchatDirectory } from '../../modules/webchat/webchat-origins.repository';
import { webchatSessions } from '../../modules/webchat/webchat-sessions.repository';
import { webchatUploads } from '../../modules/webchat/webchat-uploads.repository';
import type { TChatMediaFetcher } from '../../modules/chat/twilio-media.provider';
import { webVisitorProfile } from '../../modules/webchat/webchat-visitor.service';
import type { TIo } from '../realtime.server';
import type { TWebchatContext } from './webchat.context';
import { attachWebchat, type TWebchat } from './webchat.namespace';

/** The little of the chat module the web chat follows. */
export type TFollowedChat = {
  notices: { onConversation(listener: (c: TChatConversation) => void): () => void };
  repository: { conversation(id: string): Promise<{ providerRef: string } | undefined> };
};

/** Ends the visitor already knows of (they left, or their stop word closed it). */
const toldAlready = new Set(['visitor', 'quick_exit', 'stop_word']);

/** What the rest of the API sees of the web chat (`app.webchat`). */
export type TWebchatService = {
  /** The 'web' channel's transport, for the chat module's outbox. */
  transport: TChatTransport;
  /** Where the chat module fetches the files visitors attached (the 'web' provider's media). */
  media: TChatMediaFetcher;
  /** The chat module hands its inbox over when it starts; until then messages are refused. */
  connectInbox: (inbox: TChatInbox) => void;
  /** Tells a visitor's page when the hotline ends the chat (the counsellor, or it expired). */
  followChat: (chat: TFollowedChat) => () => void;
  block: (
    actor: TActor,
    input: { conversationRef: string; reason: TWebchatBlockReason; hours: number },
  ) => ReturnType<typeof blockWebVisitor>;
  lift: (actor: TActor, id: string) => Promise<void>;
  visitor: (actor: TActor, ref: string) => ReturnType<typeof webVisitorProfile>;
  /** After an administrator changes a hotline's partner sites. */
  originsChanged: () => void;
  /** The counsellor types in a web chat: the visitor's page shows "typing…". */
  counsellorTyping: (ref: string) => void;
  /** Where a visitor's typing goes (the desk push); nowhere until it is set. */
  onVisitorTyping: (listener: (ref: string) => void) => void;
};

/** Builds the web chat's parts once per API node; the namespace is attached to the io server. */
export function createWebchat(app: FastifyInstance) {
  const { config, db, redis } = app.deps;
  let inbox: TChatInbox | null = null;
  let visitorTyping: (ref: string) => void = () => {};
  const ctx: TWebchatContext = {
    config,
    db,
    redis,
    log: app.log,
    directory: webchatDirectory(db),
    sessions: webchatSessions({ redis, config }),
    limits: webchatLimits(redis, config.REDIS_PREFIX),
    uploads: webchatUploads({ redis, config }),
    inbox: () => inbox,
    visitorTyping: (ref) => visitorTyping(ref),
  };
  let attached: TWebchat | null = null;
  const live = () => {
    if (!attached) throw new Error('web chat namespace not attached');
    return attached;
  };
  const blockDeps = {
    db,
    config,
    sessions: ctx.sessions,
    inbox: ctx.inbox,
    closeVisitor: (ref: string) => live().closeVisitor(ref),
  };
  const service: TWebchatService = {
    transport: {
      deliver: (input) => live().transport.deliver(input),
      close: (input) => live().transport.close(input),
    },
    media: ctx.uploads.fetcher,
    connectInbox: (given) => {
      inbox = given;
    },
    followChat: (chat) =>
      chat.notices.onConversation((c) => {
        if (c.channel !== 'web' || c.state !== 'ended' || toldAlready.has(c.endReason ?? ''))
          return;
        void chat.repository
          .conversation(c.id)
          .then((row) =>
            row
              ? live().transport.close({
                  conversationRef: { provider: 'web', ref: row.providerRef },
                  serviceSid: null,
                })
              : undefined,
          )
          .catch((err: unknown) => app.log.error({ err }, 'web chat end not told'));
      }),
    block: (actor, input) => blockWebVisitor(blockDeps, actor, input),
    lift: (actor, id) => liftWebVisitorBlock(blockDeps, actor, id),
    visitor: (actor, ref) => webVisitorProfile(ctx.sessions, actor, ref),
    originsChanged: () => ctx.directory.forget(),
    counsellorTyping: (ref) => live().typing(ref),
    onVisitorTyping: (listener) => {
      visitorTyping = listener;
    },
  };
  return {
    embeds: (origin: string) => ctx.directory.anyHotlineAllows(origin),
    attach(io: TIo) {
      attached = attachWebchat(io, ctx);
    },
    service,
    close: () => attached?.close(),
  };
}
