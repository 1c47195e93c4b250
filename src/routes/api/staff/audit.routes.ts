import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorBody } from '../../error.schema';
import { readAuditLog } from '../../../modules/audit/audit-log.service';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

const ZAuditQuery = z
  .object({
    caseCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .optional(),
    entityType: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
    // Ids and codes only: the value is written into the audit row of this read.
    entityId: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,80}$/)
      .optional(),
    actorId: z.uuid().optional(),
    action: z
      .string()
      .regex(/^[a-z_-]{1,40}(\.[a-z_-]{0,40})?$/)
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });

const ZAuditRow = z.object({
  seq: z.number(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  caseCode: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

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
          200: z.object({ rows: z.array(ZAuditRow), nextBefore: z.number().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => readAuditLog(app.deps, request.actor, request.query),
  );
};
