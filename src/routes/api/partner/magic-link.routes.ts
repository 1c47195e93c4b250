import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../errors/catalogue';
import { recordAudit } from '../../../modules/audit/audit.repository';
import { exchangeMagicLink } from '../../../modules/delivery/magic-links.repository';
import { MAGIC_SESSION_COOKIE } from './partner-auth.hook';
import { ZMagicLinkOpen, ZMagicLinkOpened } from '../../../contracts/partner-tickets';
import { partnerErrors } from './partner.schemas';

/**
 * The SMS link lands on the web app, which posts its token here (the token sits in the URL
 * fragment, so it never reaches a server log). It works once and opens a session for one ticket.
 */
export const magicLinkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/magic-link',
    {
      config: { partnerAccess: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['partner'],
        body: ZMagicLinkOpen,
        response: { 200: ZMagicLinkOpened, ...partnerErrors },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const { config, db } = app.deps;
      const exchanged = await exchangeMagicLink(
        db,
        request.body.token,
        config.MAGIC_LINK_TTL_HOURS,
        now,
      );
      if (!exchanged) throw new AppError('MAGIC_LINK_INVALID');
      await db.transaction((tx) =>
        recordAudit(tx, config, {
          actorId: null,
          action: 'ticket.magic_link_used',
          entityType: 'ticket',
          entityId: exchanged.ticketId,
        }),
      );
      reply.setCookie(MAGIC_SESSION_COOKIE, exchanged.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.COOKIE_SECURE,
        path: '/api/partner',
        maxAge: config.MAGIC_LINK_TTL_HOURS * 3600,
      });
      return { ticketId: exchanged.ticketId };
    },
  );
};
