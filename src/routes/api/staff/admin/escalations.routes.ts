import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../../error.schema';
import { escalationInbox } from './escalations.repository';

const ZEscalation = z.object({
  ticketId: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  hotline: z.string().nullable(),
  unitNameLo: z.string(),
  unitNameEn: z.string(),
  needs: z.array(z.string()),
  priority: z.string(),
  state: z.string(),
  escalationLevel: z.number(),
  timer: z.enum(['acknowledge', 'decide', 'update', 'resolve']).nullable(),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});

/** /api/staff/escalations: referral tickets past their due time or escalated, for supervisors. */
export const escalationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/escalations',
    {
      config: { permission: 'escalation.view' },
      schema: {
        tags: ['referrals'],
        response: { 200: z.array(ZEscalation), 401: ZErrorBody, 403: ZErrorBody },
      },
    },
    async (request) => escalationInbox(app.deps.db, request.actor),
  );
};
