import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZStateSnapshot, ZSupervisorFigures } from '../../../contracts/realtime';
import { AppError } from '../../../errors/catalogue';
import { startOfDayVientiane, supervisorFigures } from '../../../modules/routing/figures.service';
import { stateSnapshot } from '../../../modules/routing/snapshot.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const ZCallSidParams = z.object({ callSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/) });

/** Live routing for HTTP clients: the same snapshot as the socket, figures, queue priority. */
export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/routing/state',
    {
      config: { permission: 'routing.view' },
      schema: { tags: ['routing'], response: { 200: ZStateSnapshot, ...errors } },
    },
    async (request) => stateSnapshot(app.liveRouting, request.actor),
  );

  app.get(
    '/routing/figures',
    {
      config: { permission: 'routing.figures' },
      schema: {
        tags: ['routing'],
        querystring: z.object({ since: z.iso.datetime().optional() }),
        response: { 200: ZSupervisorFigures, ...errors },
      },
    },
    async (request) =>
      supervisorFigures(
        app.liveRouting,
        app.deps.sql,
        request.actor,
        request.query.since ? new Date(request.query.since) : startOfDayVientiane(new Date()),
      ),
  );

  app.post(
    '/routing/queue/:callSid/priority',
    {
      config: { permission: 'routing.prioritise' },
      schema: {
        tags: ['routing'],
        summary: 'Move a waiting caller forward (child caller, imminent danger)',
        params: ZCallSidParams,
        body: z.object({
          reason: z.enum(['child', 'imminent-danger']),
          boostMinutes: z.number().int().min(1).max(240),
        }),
        response: { 204: z.null(), 409: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const hotline = await app.liveRouting.offers.callerHotline(request.params.callSid);
      if (!hotline || !request.actor.hotlines.includes(hotline))
        throw new AppError('CALLER_NOT_WAITING');
      const moved = await app.liveRouting.offers.prioritise(
        request.params.callSid,
        request.body.boostMinutes * 60_000,
      );
      if (!moved) throw new AppError('CALLER_NOT_WAITING');
      app.liveRouting.notifier.queueChanged(hotline);
      return reply.status(204).send(null);
    },
  );
};
