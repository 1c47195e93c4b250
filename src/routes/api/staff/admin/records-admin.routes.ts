import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JobQueues } from '../../../../jobs/job-queues';
import { keyRotationJob } from '../../../../jobs/key-rotation.job';
import { retentionJob } from '../../../../jobs/retention.job';
import { checkAuditChain } from '../../../../modules/audit/audit-chain.service';
import {
  listRetentionPolicies,
  setRetentionPolicy,
} from '../../../../modules/retention/retention.service';
import { errors, jsonDates } from '../records/records.schemas';
import {
  ZRetentionChange,
  ZRetentionParams,
  ZRetentionPolicy,
  type TRetentionRecordType as TRecordType,
} from '../../../../contracts/api/retention';
import { ZAuditVerify, ZQueued } from './admin.schemas';

const tags = ['administration'];

/** Retention settings, a retention run or key rotation on demand, and the audit-chain check. */
export const recordsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  const queues = new JobQueues(deps.redis, deps.config.REDIS_PREFIX);
  app.addHook('onClose', () => queues.close());

  const policyView = (p: { recordType: TRecordType; retainDays: number | null; updatedAt: Date }) =>
    jsonDates({ recordType: p.recordType, retainDays: p.retainDays, updatedAt: p.updatedAt });

  app.get(
    '/admin/retention',
    {
      schema: { tags, response: { 200: z.array(ZRetentionPolicy), ...errors } },
      config: { permission: 'retention.manage' },
    },
    async () => (await listRetentionPolicies(deps)).map(policyView),
  );

  app.put(
    '/admin/retention/:recordType',
    {
      schema: {
        tags,
        params: ZRetentionParams,
        body: ZRetentionChange,
        response: { 200: ZRetentionPolicy, ...errors },
      },
      config: { permission: 'retention.manage' },
    },
    async (request) =>
      policyView(
        await setRetentionPolicy(
          deps,
          request.actor.userId,
          request.params.recordType,
          request.body.retainDays,
        ),
      ),
  );

  app.post(
    '/admin/retention/run',
    {
      schema: { tags, response: { 202: ZQueued, ...errors } },
      config: { permission: 'retention.manage' },
    },
    async (_request, reply) =>
      reply.status(202).send({
        jobId: await queues.enqueue(retentionJob, { runId: randomUUID() }),
      }),
  );

  app.post(
    '/admin/keys/rotate',
    {
      schema: { tags, response: { 202: ZQueued, ...errors } },
      config: { permission: 'keys.rotate' },
    },
    async (request, reply) =>
      reply.status(202).send({
        jobId: await queues.enqueue(keyRotationJob, {
          requestId: randomUUID(),
          requestedBy: request.actor.userId,
        }),
      }),
  );

  app.get(
    '/admin/audit/verify',
    {
      schema: { tags, response: { 200: ZAuditVerify, ...errors } },
      config: { permission: 'audit.verify' },
    },
    async () => checkAuditChain(deps),
  );
};
