import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerOnChoices } from '../../../../db/schema/staff';
import { AppError } from '../../../errors/catalogue';
import { E164, mobileEnding } from '../../../modules/staff/answer-on.policy';
import { readAnswerSetting, saveAnswerSetting } from '../../../modules/staff/answer-on.repository';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['staff'];

const ZAnswerOnChange = z
  .object({
    answerOn: z.enum(answerOnChoices),
    // The field is named `mobile` so the logger's redaction paths cover it wherever it appears.
    mobile: z.string().trim().regex(E164).nullable(),
  })
  .partial()
  .refine((c) => c.answerOn !== undefined || c.mobile !== undefined, {
    message: 'nothing to change',
  });
const ZOwnSetting = z.object({ answerOn: z.enum(answerOnChoices), mobile: z.string().nullable() });
const ZAdminSetting = z.object({
  answerOn: z.enum(answerOnChoices),
  mobileEnding: z.string().nullable(),
});

/**
 * Where accepted calls ring: the console's softphone or the counsellor's own mobile (with a
 * whisper "hotline call, press 1"). Counsellors set their own; administrators can set anyone's,
 * and see only the last digits of the number.
 */
export const answerOnRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  // A mobile number is personal data: never cached by the browser or a proxy.
  const noStore = { 'cache-control': 'no-store' };

  app.get(
    '/me/answer-on',
    {
      config: { permission: 'routing.call-control' },
      schema: { tags, response: { 200: ZOwnSetting, ...errors } },
    },
    async (request, reply) => {
      const setting = await readAnswerSetting(deps, request.actor.userId);
      if (!setting) throw new AppError('NOT_FOUND');
      return reply.headers(noStore).send(setting);
    },
  );

  app.put(
    '/me/answer-on',
    {
      config: { permission: 'routing.call-control' },
      schema: { tags, body: ZAnswerOnChange, response: { 200: ZOwnSetting, ...errors } },
    },
    async (request, reply) => {
      const saved = await saveAnswerSetting(
        deps,
        request.actor.userId,
        request.actor.userId,
        request.body,
      );
      await app.liveRouting.mobileLegs.forgetAnswerTarget(request.actor.userId);
      return reply.headers(noStore).send(saved);
    },
  );

  app.get(
    '/users/:id/answer-on',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: ZAdminSetting, ...errors },
      },
    },
    async (request) => {
      const setting = await readAnswerSetting(deps, request.params.id);
      if (!setting) throw new AppError('NOT_FOUND');
      return { answerOn: setting.answerOn, mobileEnding: mobileEnding(setting.mobile) };
    },
  );

  app.put(
    '/users/:id/answer-on',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: ZAnswerOnChange,
        response: { 200: ZAdminSetting, ...errors },
      },
    },
    async (request) => {
      const saved = await saveAnswerSetting(
        deps,
        request.actor.userId,
        request.params.id,
        request.body,
      );
      await app.liveRouting.mobileLegs.forgetAnswerTarget(request.params.id);
      return { answerOn: saved.answerOn, mobileEnding: mobileEnding(saved.mobile) };
    },
  );
};
