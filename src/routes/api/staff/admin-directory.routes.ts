import { asc, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffUsers } from '../../../../db/schema/staff';
import { ZStaffDirectory } from '../../../contracts/api/oversight';
import { ZErrorBody } from '../../error.schema';

/**
 * /api/staff/admin/directory: who is who, so live views that carry only user ids (the wallboard)
 * can show names. Supervisors see the staff of their hotlines; administrators see everyone.
 */
export const adminDirectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/directory',
    {
      schema: {
        tags: ['admin'],
        response: {
          200: ZStaffDirectory,
          401: ZErrorBody,
          403: ZErrorBody,
        },
      },
      config: { permission: 'user.view' },
    },
    async (request) => {
      const { actor } = request;
      const rows = await app.deps.db
        .select({
          userId: staffUsers.id,
          displayName: staffUsers.displayName,
          role: staffUsers.role,
          hotlines: staffUsers.hotlines,
          languages: staffUsers.languages,
        })
        .from(staffUsers)
        .where(isNull(staffUsers.disabledAt))
        .orderBy(asc(staffUsers.displayName));
      const staff =
        actor.role === 'administrator'
          ? rows
          : rows.filter((r) => r.hotlines.some((h) => actor.hotlines.includes(h)));
      return { staff };
    },
  );
};
