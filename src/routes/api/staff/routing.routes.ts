import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZQueueAssign,
  ZQueuePrioritise,
  ZStateSnapshot,
  ZSupervisorFigures,
  ZTaskRef,
  ZWaitingCallerView,
} from '../../../contracts/realtime';
import { AppError, errorCatalogue, type TErrorCode } from '../../../errors/catalogue';
import { RoutingError } from '../../../modules/routing/routing.context';
import {
  assignCaller,
  prioritiseCaller,
  waitingCallers,
} from '../../../modules/routing/supervisor-queue.service';
import { startOfDayVientiane, supervisorFigures } from '../../../modules/routing/figures.service';
import { stateSnapshot } from '../../../modules/routing/snapshot.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

/** The routing services speak RoutingError (shared with the socket); HTTP speaks AppError. */
async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RoutingError && Object.hasOwn(errorCatalogue, err.code))
      throw new AppError(err.code as TErrorCode);
    throw err;
  }
}

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

  app.get(
    '/routing/queue',
    {
      config: { permission: 'routing.figures' },
      schema: {
        tags: ['routing'],
        summary: 'Waiting callers of the hotlines the supervisor watches, in queue order',
        response: { 200: z.object({ callers: z.array(ZWaitingCallerView) }), ...errors },
      },
    },
    async (request) => ({ callers: await waitingCallers(app.liveRouting, request.actor) }),
  );

  app.post(
    '/routing/queue/:taskId/priority',
    {
      config: { permission: 'routing.prioritise' },
      schema: {
        tags: ['routing'],
        summary:
          'Move a waiting task (call, chat, call-back) forward (child caller, imminent danger)',
        params: ZTaskRef,
        body: ZQueuePrioritise.omit({ taskId: true }),
        response: { 204: z.null(), 409: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      await asHttp(() =>
        prioritiseCaller(app.liveRouting, request.actor, request.params.taskId, request.body),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/routing/queue/:taskId/assign',
    {
      config: { permission: 'routing.assign' },
      schema: {
        tags: ['routing'],
        summary: 'Offer a waiting task (call, chat, call-back) to a named available counsellor',
        params: ZTaskRef,
        body: ZQueueAssign.omit({ taskId: true }),
        response: { 200: z.object({ offerId: z.string() }), 409: ZErrorBody, ...errors },
      },
    },
    async (request) =>
      asHttp(() =>
        assignCaller(app.liveRouting, request.actor, request.params.taskId, request.body.userId),
      ),
  );
};
