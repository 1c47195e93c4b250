import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZOrganisation, ZUnit, ZUnitInput } from '../../../contracts/partner-directory';
import {
  listOrganisations,
  listUnits,
  saveUnit,
} from '../../../modules/referrals/partners/partner-units.service';
import { ZErrorBody } from '../../error.schema';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));
/** Partner directory administration: units, channels, hours, intake criteria, focal points. */
export const partnerDirectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['partners'];

  // The organisations a new unit may belong to (seeded reference data).
  app.get(
    '/partners/organisations',
    {
      config: { permission: 'partner.view' },
      schema: { tags, response: { 200: z.array(ZOrganisation), ...errors } },
    },
    async () => listOrganisations(app.deps.db),
  );

  app.get(
    '/partners/units',
    {
      config: { permission: 'partner.view' },
      schema: { tags, response: { 200: z.array(ZUnit), ...errors } },
    },
    async () => asJson(await listUnits(app.deps.db)),
  );

  app.post(
    '/partners/units',
    {
      config: { permission: 'partner.manage' },
      schema: { tags, body: ZUnitInput, response: { 201: ZUnit, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(asJson(await saveUnit(app.deps, request.actor, null, request.body))),
  );

  app.patch(
    '/partners/units/:id',
    {
      config: { permission: 'partner.manage' },
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        body: ZUnitInput.partial().refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: ZUnit, ...errors },
      },
    },
    async (request) =>
      asJson(await saveUnit(app.deps, request.actor, request.params.id, request.body)),
  );
};
