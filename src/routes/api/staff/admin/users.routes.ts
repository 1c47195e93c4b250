import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, listUsers, updateUser } from '../../../../modules/auth/users.service';
import { errors, jsonDates, ZId } from '../records/records.schemas';
import { resetPassword } from '../../../../modules/auth/password-change.service';
import { setChannelCapacity } from '../../../../modules/auth/user-capacity.service';
import { capacityChanged } from '../../../../modules/routing/capacity.service';
import { ZChannelCapacity } from '../../../../contracts/staff-users';
import { ZPasswordReset, ZUser, ZUserCreate, ZUserUpdate } from './admin.schemas';

const tags = ['users'];

/** Staff accounts: administrators create, change and disable them (disabling signs the user out everywhere). */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(
    '/users',
    {
      schema: { tags, response: { 200: z.array(ZUser), ...errors } },
      config: { permission: 'user.view' },
    },
    async (request) => (await listUsers(deps, request.actor)).map(jsonDates),
  );

  app.post(
    '/users',
    {
      schema: { tags, body: ZUserCreate, response: { 201: ZUser, ...errors } },
      config: { permission: 'user.manage' },
    },
    async (request, reply) =>
      reply.status(201).send(jsonDates(await createUser(deps, request.actor, request.body))),
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        params: ZId,
        body: ZPasswordReset,
        response: { 204: z.null(), ...errors },
      },
      config: { permission: 'user.manage' },
    },
    async (request, reply) => {
      await resetPassword(deps, request.actor, request.params.id, request.body.temporaryPassword);
      return reply.status(204).send(null);
    },
  );

  // A counsellor's capacity per channel: her supervisor may set it as well as an administrator.
  app.put(
    '/users/:id/capacity',
    {
      schema: {
        tags,
        params: ZId,
        body: ZChannelCapacity,
        response: { 200: ZChannelCapacity, ...errors },
      },
      config: { permission: 'user.capacity' },
    },
    async (request) => {
      const saved = await setChannelCapacity(deps, request.actor, request.params.id, request.body);
      // Live: routing re-evaluates her now, not at her next change of presence.
      await capacityChanged(app.services.routing, request.params.id, {
        voice: saved.voiceCapacity,
        chat: saved.chatCapacity,
        callsWhileChatting: saved.callsWhileChatting,
      });
      return saved;
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: { tags, params: ZId, body: ZUserUpdate, response: { 200: ZUser, ...errors } },
      config: { permission: 'user.manage' },
    },
    async (request) =>
      jsonDates(await updateUser(deps, request.actor, request.params.id, request.body)),
  );
};
