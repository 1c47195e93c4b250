import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referralNeeds } from '../../../contracts/referral-vocabulary';
import { listRules, saveRule } from '../../../modules/referrals/rules/referral-rules.service';
import { ZErrorBody } from '../../error.schema';
import { previewRouting } from '../../../modules/referrals/rules/rule-preview.service';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

const ZRuleInput = z.object({
  need: z.enum(referralNeeds),
  provinceCode: z
    .string()
    .regex(/^LA-[A-Z]{2}$/)
    .nullable(),
  ageGroup: z.enum(['child', 'adult']).nullable(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).nullable(),
  /** An ISO country code, or `foreign` for anyone not Lao. */
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$|^foreign$/)
    .nullable(),
  exploitationForm: z.string().max(60).nullable(),
  unitId: z.string().uuid(),
  alternateUnitId: z.string().uuid().nullable(),
  rank: z.number().int().min(0).max(10000),
  active: z.boolean(),
});

const ZPreviewUnit = z.object({
  id: z.string(),
  nameLo: z.string(),
  nameEn: z.string(),
  kind: z.string(),
});

const ZPreviewRequest = z.object({
  needs: z.array(z.enum(referralNeeds)).min(1).max(referralNeeds.length),
  subject: z.object({
    sex: z.enum(['female', 'male', 'other', 'unknown']),
    age: z.number().int().min(0).max(120).nullable(),
    isChild: z.boolean(),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable(),
    provinceCode: z
      .string()
      .regex(/^LA-[A-Z]{2}$/)
      .nullable(),
    exploitationForms: z.array(z.string().max(60)).max(10),
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(12),
  }),
});

const ZPreview = z.object({
  units: z.array(
    ZPreviewUnit.extend({
      needs: z.array(z.string()),
      ruleIds: z.array(z.string()),
      alternate: ZPreviewUnit.nullable(),
    }),
  ),
  unrouted: z.array(z.string()),
});

const ZRule = ZRuleInput.extend({
  id: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

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
