import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { completeTotp, login } from '../../modules/auth/login.service';
import { resolveActor } from '../../modules/auth/resolve-actor';
import { ownProfile, signOut } from '../../modules/auth/own-session.service';
import { SESSION_COOKIE } from '../../modules/auth/session.policy';
import { changeOwnPassword } from '../../modules/auth/password-change.service';
import { completePasskeySignIn, passkeySignInOptions } from '../../modules/auth/passkeys.service';
import { ZPasskeySignIn, ZWebAuthnOptions } from '../../contracts/passkeys';
import { ZErrorBody } from '../error.schema';
import {
  authErrors,
  ZLoginBody,
  ZLoginResult,
  ZMe,
  ZPasswordChange,
  ZTotpBody,
} from './auth.schemas';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

// Keys hash what the client sent, so a user name never becomes part of a Redis key in clear.
// Keyed per address AND name: a whole call centre behind one NAT address must not lock itself out.
function limitKey(kind: string, field: 'username' | 'challenge') {
  return (request: FastifyRequest): string => {
    const body = request.body as Record<string, unknown> | undefined;
    const value = typeof body?.[field] === 'string' ? body[field].trim().toLowerCase() : '';
    const digest = createHash('sha256').update(value).digest('base64url').slice(0, 16);
    return `${kind}-${request.ip}-${digest}`;
  };
}

/** /auth: sign in (password, then TOTP where required), sign out, who am I. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const loginLimit = {
    max: config.LOGIN_RATE_LIMIT_MAX,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: limitKey('login', 'username'),
  };

  const me = (userId: string) => ownProfile(app.deps, userId);

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: ZLoginBody, response: { 200: ZLoginResult, ...authErrors } },
      config: { rateLimit: loginLimit },
    },
    async (request, reply) => {
      const result = await login(app.deps, {
        ...request.body,
        previousSessionId: request.cookies[SESSION_COOKIE],
      });
      if (result.status === 'totp_required') {
        clearSessionCookie(reply, config);
        return result;
      }
      setSessionCookie(reply, config, result.sessionId);
      return { status: 'signed_in' as const, user: await me(result.userId) };
    },
  );

  app.post(
    '/auth/totp',
    {
      schema: { tags: ['auth'], body: ZTotpBody, response: { 200: ZLoginResult, ...authErrors } },
      config: { rateLimit: { ...loginLimit, keyGenerator: limitKey('totp', 'challenge') } },
    },
    async (request, reply) => {
      const result = await completeTotp(app.deps, request.body);
      setSessionCookie(reply, config, result.sessionId);
      return { status: 'signed_in' as const, user: await me(result.userId) };
    },
  );

  // Step two with a passkey instead of a code: options for the pending sign-in, then the answer.
  app.post(
    '/auth/passkey/options',
    {
      schema: {
        tags: ['auth'],
        body: ZPasskeySignIn.pick({ challenge: true }),
        response: { 200: ZWebAuthnOptions, ...authErrors },
      },
      config: { rateLimit: { ...loginLimit, keyGenerator: limitKey('passkey', 'challenge') } },
    },
    async (request) => passkeySignInOptions(app.deps, request.body.challenge),
  );

  app.post(
    '/auth/passkey',
    {
      schema: {
        tags: ['auth'],
        body: ZPasskeySignIn,
        response: { 200: ZLoginResult, ...authErrors },
      },
      config: { rateLimit: { ...loginLimit, keyGenerator: limitKey('passkey', 'challenge') } },
    },
    async (request, reply) => {
      const result = await completePasskeySignIn(app.deps, request.body);
      setSessionCookie(reply, config, result.sessionId);
      return { status: 'signed_in' as const, user: await me(result.userId) };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        body: ZPasswordChange,
        response: { 204: z.null(), ...authErrors, 403: ZErrorBody },
      },
      config: { rateLimit: { ...loginLimit, keyGenerator: limitKey('password', 'username') } },
    },
    async (request, reply) => {
      const actor = await resolveActor(app.deps, request.cookies[SESSION_COOKIE]);
      if (!actor) throw new AppError('UNAUTHENTICATED');
      await changeOwnPassword(app.deps, actor, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      await signOut(app.deps, request.cookies[SESSION_COOKIE]);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], response: { 200: ZMe, 401: authErrors[401] } } },
    async (request) => {
      const actor = await resolveActor(app.deps, request.cookies[SESSION_COOKIE]);
      if (!actor) throw new AppError('UNAUTHENTICATED');
      return me(actor.userId);
    },
  );
};
