import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeHotline, listHotlines } from '../../../modules/hotlines/hotline-admin.service';
import { afterHoursModes, ZHotline, ZOpeningHours } from '../../../contracts/hotlines';
import { ZErrorBody } from '../../error.schema';

const ZHotlineChange = z
  .object({
    openingHours: ZOpeningHours,
    afterHours: z.enum(afterHoursModes),
    dutyMobile: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/)
      .nullable(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/))
      .min(1)
      .max(12),
    defaultLanguage: z.string().regex(/^[a-z]{2,3}$/),
    recordingNotice: z.boolean(),
    afterCallQuestion: z.boolean(),
    active: z.boolean(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'nothing to change' });

/** /api/staff/admin/hotlines: numbers, opening hours, holidays, duty mobile, languages, notice. */
export const adminHotlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const errors = { 401: ZErrorBody, 403: ZErrorBody };

  app.get(
    '/admin/hotlines',
    {
      schema: {
        tags: ['admin'],
        response: { 200: z.object({ hotlines: z.array(ZHotline) }), ...errors },
      },
      config: { permission: 'hotline.view' },
    },
    async (request) => ({ hotlines: await listHotlines(app.deps, request.actor) }),
  );

  app.patch(
    '/admin/hotlines/:number',
    {
      schema: {
        tags: ['admin'],
        params: z.object({ number: z.string().regex(/^\d{3,6}$/) }),
        body: ZHotlineChange,
        response: { 200: ZHotline, 400: ZErrorBody, 404: ZErrorBody, ...errors },
      },
      config: { permission: 'hotline.manage' },
    },
    async (request) => changeHotline(app.deps, request.actor, request.params.number, request.body),
  );
};
