import { inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffUsers } from '../../../../db/schema/staff';
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
      if (available.length === 0) return { colleagues: [] };
      const rows = await app.deps.db
        .select({ userId: staffUsers.id, displayName: staffUsers.displayName })
        .from(staffUsers)
        .where(
          inArray(
            staffUsers.id,
            available.map((r) => r.userId),
          ),
        );
      return { colleagues: rows.sort((a, b) => a.displayName.localeCompare(b.displayName)) };
    },
  );
};
