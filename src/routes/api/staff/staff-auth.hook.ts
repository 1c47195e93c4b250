import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../errors/catalogue';
import type { TActor } from '../../../modules/auth/actor';
import { can, isAction } from '../../../modules/auth/permissions.policy';
import type { TAction } from '../../../modules/auth/permissions.table';
import { resolveActor } from '../../../modules/auth/resolve-actor';
import { SESSION_COOKIE } from '../../../modules/auth/session.policy';

declare module 'fastify' {
  // Declaration merging needs interfaces here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    /** The signed-in user; set by the /api/staff hook before any handler runs there. */
    actor: TActor;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    /** The action a staff route performs; checked against the permissions table on every request. */
    permission?: TAction;
  }
}

export class MissingPermissionError extends Error {
  override name = 'MissingPermissionError';
}

/**
 * The staff boundary: a route without a declared permission cannot even be registered, and every
 * request needs a live session whose role holds that permission. Record scope is checked by the
 * service with `can(actor, action, record)` once the record is loaded (out of scope → 404).
 */
export function installStaffAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null as unknown as TActor);

  app.addHook('onRoute', (route) => {
    const permission = (route.config as { permission?: unknown } | undefined)?.permission;
    if (!isAction(permission)) {
      const methods = [route.method].flat().join(',');
      throw new MissingPermissionError(
        `staff route ${methods} ${route.url} must declare config.permission from permissions.table.ts`,
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    const actor = await resolveActor(app.deps, request.cookies[SESSION_COOKIE]);
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (actor.passwordChangeRequired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    const permission = request.routeOptions.config.permission;
    if (!permission || !can(actor, permission)) throw new AppError('FORBIDDEN');
    request.actor = actor;
  });
}
