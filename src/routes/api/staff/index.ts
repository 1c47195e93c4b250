import type { FastifyPluginAsync } from 'fastify';
import { installStaffAuth } from './staff-auth.hook';

/**
 * /api/staff: counsellors, supervisors, statisticians, administrators (and partner users where a
 * permission grants it). Register each feature's `*.routes.ts` here, after the hook.
 */
export const staffRoutes: FastifyPluginAsync = async (app) => {
  installStaffAuth(app);
};
