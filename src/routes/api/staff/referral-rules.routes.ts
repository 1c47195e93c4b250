import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRules, saveRule } from '../../../modules/referrals/rules/referral-rules.service';
import {
  ZPreview,
  ZPreviewRequest,
  ZRule,
  ZRuleInput,
} from '../../../contracts/api/referral-rules';
import { ZErrorBody } from '../../error.schema';
import { previewRouting } from '../../../modules/referrals/rules/rule-preview.service';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

/** Routing rules are data: need × province × age group × sex × nationality × form → unit (+ alternate). */
export const referralRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referral-rules'];

  app.get(
    '/referral-rules',
    {
      config: { permission: 'referral-rule.view' },
      schema: { tags, response: { 200: z.array(ZRule), ...errors } },
    },
    async () => asJson(await listRules(app.deps.db)),
  );

  app.post(
    '/referral-rules',
    {
      config: { permission: 'referral-rule.manage' },
      schema: { tags, body: ZRuleInput, response: { 201: ZRule, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(asJson(await saveRule(app.deps, request.actor, null, request.body))),
  );

  app.patch(
    '/referral-rules/:id',
    {
      config: { permission: 'referral-rule.manage' },
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        body: ZRuleInput.partial().refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: ZRule, ...errors },
      },
    },
    async (request) =>
      asJson(await saveRule(app.deps, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/referral-rules/preview',
    {
      config: { permission: 'referral-rule.view' },
      schema: { tags, body: ZPreviewRequest, response: { 200: ZPreview, ...errors } },
    },
    async (request) => previewRouting(app.deps.db, request.body),
  );
};
