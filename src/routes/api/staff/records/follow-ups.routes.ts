import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dropFollowUpReminder,
  scheduleFollowUpReminder,
} from '../../../../modules/cases/follow-up-reminders.service';
import {
  addFollowUp,
  completeFollowUp,
  followUpAssignees,
  listFollowUps,
  myFollowUpsDue,
} from '../../../../modules/cases/follow-ups.service';
import {
  ZCaseFollowUp,
  ZFollowUpAssignee,
  ZFollowUpCreate,
  ZMyFollowUp,
} from '../../../../contracts/api/follow-ups';
import { errors, jsonDates, ZId } from './records.schemas';

const tags = ['cases'];
/** Follow-up tasks on a case, the counsellor's list of those due, and completing one. */
export const followUpsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.post(
    '/cases/:id/follow-ups',
    {
      schema: {
        tags,
        params: ZId,
        body: ZFollowUpCreate,
        response: { 201: ZCaseFollowUp, ...errors },
      },
      config: { permission: 'case.note' },
    },
    async (request, reply) => {
      const now = new Date();
      const created = await addFollowUp(deps, request.actor, request.params.id, request.body, now);
      await scheduleFollowUpReminder(app.services.jobProducers.queues, created, now).catch(
        (err: unknown) => request.log.warn({ err }, 'follow-up reminder not scheduled'),
      );
      return reply.status(201).send(jsonDates(created));
    },
  );

  app.get(
    '/cases/:id/follow-ups',
    {
      schema: { tags, params: ZId, response: { 200: z.array(ZCaseFollowUp), ...errors } },
      config: { permission: 'case.view' },
    },
    async (request) => (await listFollowUps(deps, request.actor, request.params.id)).map(jsonDates),
  );

  app.get(
    '/cases/:id/follow-ups/assignees',
    {
      schema: {
        tags,
        params: ZId,
        response: {
          200: z.array(ZFollowUpAssignee),
          ...errors,
        },
      },
      config: { permission: 'case.note' },
    },
    async (request) => followUpAssignees(deps, request.actor, request.params.id),
  );

  app.get(
    '/follow-ups/mine',
    {
      schema: { tags, response: { 200: z.array(ZMyFollowUp), ...errors } },
      config: { permission: 'case.view' },
    },
    async (request) => (await myFollowUpsDue(deps, request.actor, new Date())).map(jsonDates),
  );

  app.post(
    '/follow-ups/:id/complete',
    {
      schema: {
        tags,
        params: ZId,
        response: { 200: z.object({ id: z.string(), status: z.literal('done') }), ...errors },
      },
      config: { permission: 'case.view' },
    },
    async (request) => {
      const done = await completeFollowUp(deps, request.actor, request.params.id);
      await dropFollowUpReminder(app.services.jobProducers.queues, done.id).catch(() => 0);
      return done;
    },
  );
};
