import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { colleagueNames } from '../../../modules/staff/staff-directory.service';
import { ZAvailableColleagues } from '../../../contracts/api/desk';
import { ZErrorBody } from '../../error.schema';

const errors = { 401: ZErrorBody, 403: ZErrorBody };

/**
 * Who a counsellor can warm-transfer to: colleagues available right now on one of their own
 * hotlines, by name only (no states, figures or languages: that is the supervisor's wallboard).
 */
export const colleagueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/colleagues/available',
    {
      config: { permission: 'colleague.list' },
      schema: {
        tags: ['routing'],
        response: {
          200: ZAvailableColleagues,
          ...errors,
        },
      },
    },
    async (request) => {
      const { actor } = request;
      const available = await app.liveRouting.presence.list(
        (r) =>
          r.userId !== actor.userId &&
          r.state === 'available' &&
          r.hotlines.some((h) => actor.hotlines.includes(h)),
      );
      const userIds = available.map((r) => r.userId);
      return { colleagues: await colleagueNames(app.deps.db, userIds) };
    },
  );
};
