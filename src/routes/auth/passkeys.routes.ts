import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPasskey, ZPasskeyRegistration, ZWebAuthnOptions } from '../../contracts/passkeys';
import { AppError } from '../../errors/catalogue';
import {
  finishPasskeyRegistration,
  listOwnPasskeys,
  removeOwnPasskey,
  startPasskeyRegistration,
} from '../../modules/auth/passkeys.service';
import { resolveActor } from '../../modules/auth/resolve-actor';
import { SESSION_COOKIE } from '../../modules/auth/session.policy';
import { ZErrorBody } from '../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/**
 * /auth/passkeys: every signed-in person manages their own passkeys (any role: it is their own
 * account's second factor, like their password). Nobody can add or remove another person's.
 */
export const passkeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const signedIn = async (cookie: string | undefined) => {
    const actor = await resolveActor(app.deps, cookie);
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (actor.passwordChangeRequired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    return actor;
  };

  app.get(
    '/auth/passkeys',
    { schema: { tags: ['auth'], response: { 200: z.array(ZPasskey), ...errors } } },
    async (request) => listOwnPasskeys(app.deps, await signedIn(request.cookies[SESSION_COOKIE])),
  );

  app.post(
    '/auth/passkeys/options',
    { schema: { tags: ['auth'], response: { 200: ZWebAuthnOptions, ...errors } } },
    async (request) =>
      startPasskeyRegistration(app.deps, await signedIn(request.cookies[SESSION_COOKIE])),
  );

  app.post(
    '/auth/passkeys',
    {
      schema: {
        tags: ['auth'],
        body: ZPasskeyRegistration,
        response: { 201: ZPasskey, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await signedIn(request.cookies[SESSION_COOKIE]);
      return reply.status(201).send(await finishPasskeyRegistration(app.deps, actor, request.body));
    },
  );

  app.delete(
    '/auth/passkeys/:id',
    {
      schema: {
        tags: ['auth'],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await signedIn(request.cookies[SESSION_COOKIE]);
      await removeOwnPasskey(app.deps, actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
