import { ZWebchatLeave, ZWebchatSend, ZWebchatStart, webchatRoom } from '../../contracts/webchat';
import { z as zod } from 'zod';
import { rollingBudget } from '../../modules/webchat/webchat-limits.policy';
import type { TWebchatContext, TWebchatSocket } from './webchat.context';
import { webchatAttachHandler } from './webchat-attach.handler';
import { on, Refused } from './webchat-events';

/** A visitor's typing notices reach the desk at most this often. */
const TYPING_EVERY_MS = 2000;

/**
 * A visitor's socket: the hotline's names and languages for the pre-chat, starting the chat, each
 * message or attached file handed to the chat module's inbox (within the connection's and the
 * address's budgets), and leaving. A page that reconnects first gets the replies it missed.
 */
export function webchatHandlers(socket: TWebchatSocket, ctx: TWebchatContext, after?: number) {
  const { config } = ctx;
  const budget = rollingBudget(config.WEBCHAT_CONNECTION_MESSAGES_PER_MINUTE, 60_000);
  const started = () => {
    const session = socket.data.session;
    if (!session) throw new Refused('WEBCHAT_NOT_STARTED');
    return session;
  };
  const inbox = () => {
    const found = ctx.inbox();
    if (!found) throw new Refused('UNAVAILABLE');
    return found;
  };

  on(socket, ctx, 'webchat:hotline', zod.unknown(), async () => socket.data.hotline);
  webchatAttachHandler(socket, ctx, { started, inbox, budget });

  on(socket, ctx, 'webchat:start', ZWebchatStart, async (input) => {
    if (socket.data.session) throw new Refused('VALIDATION_FAILED');
    if (!socket.data.hotline.languages.includes(input.language))
      throw new Refused('VALIDATION_FAILED');
    const { token, session } = await ctx.sessions.start({
      hotline: socket.data.hotline.number,
      language: input.language,
      visitorHash: socket.data.visitorHash,
      name: input.name || null,
      safeToTalk: input.safeToTalk,
    });
    socket.data.session = session;
    socket.data.token = token;
    await socket.join(webchatRoom(session.ref));
    return { token };
  });

  on(socket, ctx, 'webchat:send', ZWebchatSend, async (input) => {
    const session = started();
    // Ended meanwhile (by the counsellor, a block, or on another node): nothing more goes in.
    if (!(await ctx.sessions.byRef(session.ref))) {
      socket.data.session = null;
      throw new Refused('WEBCHAT_ENDED');
    }
    if (!budget.take(Date.now())) throw new Refused('RATE_LIMITED');
    const perMinute = config.WEBCHAT_MESSAGES_PER_MINUTE;
    if (!(await ctx.limits.hit('message', socket.data.visitorHash, perMinute, 60_000)))
      throw new Refused('RATE_LIMITED');
    const receivedAt = new Date().toISOString();
    const result = await inbox().receive({
      channel: 'web',
      conversationRef: { provider: 'web', ref: session.ref },
      // Scoped to the conversation: one page's ids can never collide with another's.
      providerMessageId: `${session.ref}:${input.id}`,
      authorAddress: `web:${session.ref}`,
      hotline: session.hotline,
      language: session.language,
      text: input.text,
      attachments: [],
      receivedAt,
    });
    await ctx.sessions.touch(session.ref);
    const stopped = result.status !== 'journaled' && result.stopped;
    return { id: input.id, at: receivedAt, stopped };
  });

  // Fire and forget, at most one notice per interval per page: typing is a hint, not a message.
  let typedAt = 0;
  socket.on('webchat:typing', () => {
    const ref = socket.data.session?.ref;
    const now = Date.now();
    if (!ref || now - typedAt < TYPING_EVERY_MS) return;
    typedAt = now;
    ctx.visitorTyping(ref);
  });

  // Answered on receipt: a page leaving in a hurry (quick exit) waits for this answer only.
  on(socket, ctx, 'webchat:leave', ZWebchatLeave, async ({ reason }) => {
    const session = started();
    socket.data.session = null;
    const token = socket.data.token ?? undefined;
    void (async () => {
      await ctx.sessions.end(session.ref, token);
      await inbox().end({ provider: 'web', ref: session.ref }, reason);
    })()
      .catch((err: unknown) => ctx.log.error({ err }, 'web chat leave failed'))
      .finally(() => socket.disconnect(true));
    return null;
  });

  const session = socket.data.session;
  if (session && after !== undefined)
    ctx.sessions
      .repliesAfter(session.ref, after)
      .then((missed) => {
        for (const message of missed) socket.emit('webchat:message', message);
      })
      .catch((err: unknown) => ctx.log.error({ err }, 'web chat replay failed'));
}
