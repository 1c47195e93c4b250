import { ZWebchatHandshake, webchatRoom, type TWebchatErrorCode } from '../../contracts/webchat';
import { keyringOf } from '../../modules/crypto/keyring';
import { isVisitorBlocked } from '../../modules/webchat/webchat-blocks.repository';
import { visitorAddress, visitorHash } from '../../modules/webchat/visitor-address';
import type { TWebchatContext, TWebchatSocket } from './webchat.context';

const refuse = (code: TWebchatErrorCode) => new Error(code);

/**
 * The door of the anonymous namespace, in the order that costs least for a refused visitor: the
 * page's origin must be one of the hotline's partner sites, the address within its connection
 * budget and not blocked; a page that comes back shows its token and rejoins its chat.
 */
export function webchatHandshake(ctx: TWebchatContext) {
  const { config } = ctx;
  return async (socket: TWebchatSocket, next: (err?: Error) => void) => {
    try {
      const handshake = ZWebchatHandshake.safeParse(socket.handshake.auth);
      if (!handshake.success) return next(refuse('VALIDATION_FAILED'));
      const { hotline: number, token } = handshake.data;
      const origin = socket.handshake.headers.origin ?? '';
      const hotline = await ctx.directory.hotlineFor(number, origin);
      if (!hotline) return next(refuse('WEBCHAT_ORIGIN_REFUSED'));
      const hash = visitorHash(keyringOf(config), visitorAddress(socket.request, config));
      const perMinute = config.WEBCHAT_CONNECTIONS_PER_MINUTE;
      if (!(await ctx.limits.hit('connect', hash, perMinute, 60_000)))
        return next(refuse('RATE_LIMITED'));
      if (await isVisitorBlocked(ctx.db, hash, hotline.number))
        return next(refuse('WEBCHAT_BLOCKED'));
      const { origins: _origins, ...shown } = hotline;
      socket.data = { hotline: shown, visitorHash: hash, session: null, token: null };
      if (token) {
        const session = await ctx.sessions.byToken(token);
        if (!session || session.hotline !== hotline.number)
          return next(refuse('WEBCHAT_SESSION_GONE'));
        socket.data.session = session;
        socket.data.token = token;
        await socket.join(webchatRoom(session.ref));
      }
      next();
    } catch (err) {
      ctx.log.error({ err }, 'web chat handshake failed');
      next(refuse('UNAVAILABLE'));
    }
  };
}
