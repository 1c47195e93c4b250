import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { useMagicLink } from '../../../modules/referrals/delivery/magic-link-access.service';
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
      const { config } = app.deps;
      const exchanged = await useMagicLink(app.deps, request.body.token, new Date());
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
