import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffDirectory } from '../../../modules/staff/staff-directory.service';
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
    async (request) => ({ staff: await staffDirectory(app.deps.db, request.actor) }),
  );
};
