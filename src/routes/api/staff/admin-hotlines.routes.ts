import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeHotline, listHotlines } from '../../../modules/hotlines/hotline-admin.service';
import { ZHotline } from '../../../contracts/hotlines';
import { ZHotlineChange, ZHotlineList } from '../../../contracts/api/hotlines';
import { ZErrorBody } from '../../error.schema';

/** /api/staff/admin/hotlines: numbers, opening hours, holidays, duty mobile, languages, notice. */
export const adminHotlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const errors = { 401: ZErrorBody, 403: ZErrorBody };

  app.get(
    '/admin/hotlines',
    {
      schema: {
        tags: ['admin'],
        response: { 200: ZHotlineList, ...errors },
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
