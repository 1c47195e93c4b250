import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAdminAnswerOn,
  ZAnswerOnChange,
  ZOwnAnswerOn,
  type TAnswerOnChoice,
} from '../../../contracts/api/answer-on';
import { mobileEnding } from '../../../modules/staff/answer-on.policy';
import { answerSettingOf, changeAnswerSetting } from '../../../modules/staff/answer-on.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['staff'];

/**
 * Where accepted calls ring: the console's softphone or the counsellor's own mobile (with a
 * whisper "hotline call, press 1"). Counsellors set their own; administrators can set anyone's,
 * and see only the last digits of the number.
 */
export const answerOnRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  // A mobile number is personal data: never cached by the browser or a proxy.
  const noStore = { 'cache-control': 'no-store' };
  const read = (userId: string) => answerSettingOf(deps, userId);
  /** Saved, and the cached answer target dropped so the very next accept rings the new choice. */
  const save = async (actorId: string, userId: string, change: z.infer<typeof ZAnswerOnChange>) => {
    const saved = await changeAnswerSetting(deps, actorId, userId, change);
    await app.liveRouting.mobileLegs.forgetAnswerTarget(userId);
    return saved;
  };
  const adminView = (s: { answerOn: TAnswerOnChoice; mobile: string | null }) => ({
    answerOn: s.answerOn,
    mobileEnding: mobileEnding(s.mobile),
  });

  app.get(
    '/me/answer-on',
    {
      config: { permission: 'routing.call-control' },
      schema: { tags, response: { 200: ZOwnAnswerOn, ...errors } },
    },
    async (request, reply) => reply.headers(noStore).send(await read(request.actor.userId)),
  );

  app.put(
    '/me/answer-on',
    {
      config: { permission: 'routing.call-control' },
      schema: { tags, body: ZAnswerOnChange, response: { 200: ZOwnAnswerOn, ...errors } },
    },
    async (request, reply) =>
      reply
        .headers(noStore)
        .send(await save(request.actor.userId, request.actor.userId, request.body)),
  );

  app.get(
    '/users/:id/answer-on',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: ZAdminAnswerOn, ...errors },
      },
    },
    async (request) => adminView(await read(request.params.id)),
  );

  app.put(
    '/users/:id/answer-on',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: ZAnswerOnChange,
        response: { 200: ZAdminAnswerOn, ...errors },
      },
    },
    async (request) => adminView(await save(request.actor.userId, request.params.id, request.body)),
  );
};
