import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery } from '../../../contracts/api/oversight';
import { ZErrorBody } from '../../error.schema';
import { readAuditLog } from '../../../modules/audit/audit-log.service';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

/** /api/staff/audit: who viewed or changed what, filterable; reading it is audited too. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.view' },
      schema: {
        tags: ['audit'],
        querystring: ZAuditQuery,
        response: {
          200: ZAuditPage,
          ...errors,
        },
      },
    },
    async (request) => readAuditLog(app.deps, request.actor, request.query),
  );
};
