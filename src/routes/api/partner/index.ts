import type { FastifyPluginAsync } from 'fastify';
import { magicLinkRoutes } from './magic-link.routes';
import { installPartnerAuth } from './partner-auth.hook';
import { partnerTicketRoutes } from './partner-tickets.routes';

/** /api/partner: partner portal users (organisation scope) and magic-link sessions (one ticket). */
export const partnerRoutes: FastifyPluginAsync = async (app) => {
  installPartnerAuth(app);
  await app.register(magicLinkRoutes);
  await app.register(partnerTicketRoutes);
};
