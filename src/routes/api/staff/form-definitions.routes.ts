import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZFormPublish, ZFormVersions } from '../../../contracts/api/form-definitions';
import { ZFormDefinitionView } from '../../../contracts/victim-profile';
import {
  currentFormDefinition,
  formDefinitionVersions,
  publishFormDefinition,
} from '../../../modules/hotlines/form-definitions.service';
import { errors } from './records/records.schemas';

const tags = ['form-definitions'];
const ZHotlineParam = z.object({ hotline: z.string().regex(/^\d{3,6}$/) });

/** Each hotline's contact and victim form sections, as versioned data. */
export const formDefinitionRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.get(
    '/form-definitions/:hotline',
    {
      schema: { tags, params: ZHotlineParam, response: { 200: ZFormDefinitionView, ...errors } },
      config: { permission: 'form.view' },
    },
    async (request) => currentFormDefinition(deps, request.actor, request.params.hotline),
  );

  app.get(
    '/form-definitions/:hotline/versions',
    {
      schema: { tags, params: ZHotlineParam, response: { 200: ZFormVersions, ...errors } },
      config: { permission: 'hotline.manage' },
    },
    async (request) => formDefinitionVersions(deps, request.params.hotline),
  );

  app.post(
    '/form-definitions/:hotline',
    {
      schema: {
        tags,
        params: ZHotlineParam,
        body: ZFormPublish,
        response: { 201: ZFormDefinitionView, ...errors },
      },
      config: { permission: 'hotline.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await publishFormDefinition(
            deps,
            request.actor,
            request.params.hotline,
            request.body.definition,
          ),
        ),
  );
};
