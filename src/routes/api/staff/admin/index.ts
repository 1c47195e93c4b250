import type { FastifyPluginAsync } from 'fastify';
import { recordsAdminRoutes } from './records-admin.routes';
import { secondFactorRoutes } from './second-factor.routes';
import { usersRoutes } from './users.routes';
import { importRoutes } from './imports.routes';
import { escalationRoutes } from './escalations.routes';

/** Accounts, retention, keys and audit administration; the supervisors' escalations inbox. */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  await app.register(usersRoutes);
  await app.register(secondFactorRoutes);
  await app.register(recordsAdminRoutes);
  await app.register(escalationRoutes);
  await app.register(importRoutes);
};
