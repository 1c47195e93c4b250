import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../../contracts/staff-users';
import { staffDirectory } from '../../../modules/staff/staff-directory.service';
import { ZErrorBody } from '../../error.schema';

const ZDirectoryEntry = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  hotlines: z.array(z.string()),
  languages: z.array(z.string()),
});

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
          200: z.object({ staff: z.array(ZDirectoryEntry) }),
          401: ZErrorBody,
          403: ZErrorBody,
        },
      },
      config: { permission: 'user.view' },
    },
    async (request) => ({ staff: await staffDirectory(app.deps.db, request.actor) }),
  );
};
