import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { partnerKinds } from '../../../contracts/partner-directory';
import {
  ZConsentRequirementChange,
  ZConsentRequirementRow,
} from '../../../contracts/consent-requirements';
import {
  changeRequirement,
  listRequirements,
} from '../../../modules/consent/consent-requirements.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 409: ZErrorBody };
const ZList = z.array(ZConsentRequirementRow);

/** Which consent each kind of partner needs: data administrators see and change, versioned. */
export const consentRequirementRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['consent-requirements'];
  app.get(
    '/consent-requirements',
    {
      config: { permission: 'consent-requirement.view' },
      schema: { tags, response: { 200: ZList, ...errors } },
    },
    () => listRequirements(app.deps.db),
  );
  app.put(
    '/consent-requirements/:kind',
    {
      config: { permission: 'consent-requirement.manage' },
      schema: {
        tags,
        params: z.object({ kind: z.enum(partnerKinds) }),
        body: ZConsentRequirementChange,
        response: { 200: ZList, ...errors },
      },
    },
    (request) => changeRequirement(app.deps, request.actor, request.params.kind, request.body),
  );
};
