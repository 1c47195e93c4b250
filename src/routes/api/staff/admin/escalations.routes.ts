import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZEscalation } from '../../../../contracts/referral-oversight';
import { ZErrorBody } from '../../../error.schema';
import { escalationInbox } from '../../../../modules/referrals/tickets/escalation-inbox.service';

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
