import type { FastifyPluginAsync } from 'fastify';
import { recordsAdminRoutes } from './records-admin.routes';
import { usersRoutes } from './users.routes';

/** Accounts, retention, keys and audit administration. */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  await app.register(usersRoutes);
  await app.register(recordsAdminRoutes);
};
