import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../errors/catalogue';
import { can } from '../../../modules/auth/permissions.policy';
import type { TAction } from '../../../modules/auth/permissions.table';
import { resolveActor } from '../../../modules/auth/resolve-actor';
import { SESSION_COOKIE } from '../../../modules/auth/session.policy';
import { ticketOfMagicSession } from '../../../modules/referrals/delivery/magic-link-access.service';
import type { TPartnerPrincipal } from '../../../modules/referrals/tickets/partner-tickets.service';

/** Cookie of a magic-link session (opened from an SMS; reaches one ticket only). */
export const MAGIC_SESSION_COOKIE = 'psid';

declare module 'fastify' {
  // Declaration merging needs interfaces here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    /** Set by the /api/partner hook: a partner portal user or a magic-link session. */
    partner: TPartnerPrincipal;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    /** Partner routes: 'public' (the link exchange), 'portal' (signed-in users only) or 'ticket'. */
    partnerAccess?: 'public' | 'portal' | 'ticket';
    partnerPermission?: TAction;
  }
}

const partnerRoles = new Set(['partner_agent', 'partner_manager']);

/**
 * The partner boundary. A portal user is a partner_agent / partner_manager with an organisation;
 * a magic-link session may only use 'ticket' routes, and only for its own ticket (the services
 * check that). Staff of the hotline have no business here and get 401 like anyone else.
 */
export function installPartnerAuth(app: FastifyInstance): void {
  app.decorateRequest('partner', null as never);

  app.addHook('onRoute', (route) => {
    const config = route.config as { partnerAccess?: unknown } | undefined;
    if (!['public', 'portal', 'ticket'].includes(String(config?.partnerAccess)))
      throw new Error(`partner route ${route.url} must declare config.partnerAccess`);
  });

  app.addHook('onRequest', async (request) => {
    const { partnerAccess, partnerPermission } = request.routeOptions.config;
    if (partnerAccess === 'public') return;
    const actor = await resolveActor(app.deps, request.cookies[SESSION_COOKIE]);
    if (actor?.passwordChangeRequired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (actor && partnerRoles.has(actor.role) && actor.organisationKey) {
      if (partnerPermission && !can(actor, partnerPermission)) throw new AppError('FORBIDDEN');
      request.partner = { kind: 'portal', actor };
      return;
    }
    const token = request.cookies[MAGIC_SESSION_COOKIE];
    const magic = token ? await ticketOfMagicSession(app.deps.db, token, new Date()) : null;
    if (magic && partnerAccess === 'ticket') {
      request.partner = { kind: 'magic_link', ...magic };
      return;
    }
    throw new AppError('UNAUTHENTICATED');
  });
}
