import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPendingRings, ZSoftphoneSetup } from '../../../contracts/api/desk';
import { ZErrorBody } from '../../error.schema';
import { softphoneProvider } from './softphone.provider';

const errors = { 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const ZRingAction = z.object({
  id: z.string().regex(/^RG[0-9a-f]{16}$/),
  action: z.enum(['answer', 'hangup']),
});
const tags = ['softphone'];

/**
 * The counsellor console's audio leg: which softphone to start (Twilio Voice SDK token, the
 * simulator, or none: a mobile) and, in simulator mode, answering the ring the bridge placed.
 * Only the signed-in user's own leg (`client:<their id>`) is ever reachable.
 */
export const softphoneRoutes: FastifyPluginAsyncZod = async (app) => {
  const provider = softphoneProvider(app.deps.config);

  app.get(
    '/softphone',
    {
      config: { permission: 'routing.call-control' },
      schema: {
        tags,
        response: {
          200: ZSoftphoneSetup,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      // A token is a credential: never cached by the browser or a proxy.
      void reply.header('cache-control', 'no-store');
      return provider.setup(request.actor.userId);
    },
  );

  app.get(
    '/softphone/rings',
    {
      config: { permission: 'routing.call-control' },
      schema: { tags, response: { 200: ZPendingRings, ...errors } },
    },
    async (request) => provider.pendingRings(request.actor.userId),
  );

  app.post(
    '/softphone/rings/:id/:action',
    {
      config: { permission: 'routing.call-control' },
      schema: {
        tags,
        params: ZRingAction,
        response: { 204: z.null(), 502: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      await provider.actOnRing(request.actor.userId, request.params.id, request.params.action);
      return reply.status(204).send(null);
    },
  );
};
