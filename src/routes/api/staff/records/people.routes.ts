import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listConsents, recordConsent } from '../../../../modules/consent/consent.service';
import { ZIdentification } from '../../../../contracts/identification';
import { identifyPerson } from '../../../../modules/people/identification.service';
import { enqueueReleases } from '../../../../modules/referrals/holds/consent-holds.service';
import {
  addPersonToCase,
  getPerson,
  updatePerson,
} from '../../../../modules/people/people.service';
import {
  ZConsent,
  ZConsentCreate,
  ZConsents,
  ZPerson,
  ZPersonCreate,
  ZPersonUpdate,
} from '../../../../contracts/api/people';
import { errors, jsonDates, ZId } from './records.schemas';

const tags = ['people'];

/** Victims and other parties of a case, and their consent per scope. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.post(
    '/cases/:id/people',
    {
      schema: { tags, params: ZId, body: ZPersonCreate, response: { 201: ZPerson, ...errors } },
      config: { permission: 'person.create' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          jsonDates(await addPersonToCase(deps, request.actor, request.params.id, request.body)),
        ),
  );

  app.get(
    '/people/:id',
    {
      schema: { tags, params: ZId, response: { 200: ZPerson, ...errors } },
      config: { permission: 'person.view' },
    },
    async (request) => jsonDates(await getPerson(deps, request.actor, request.params.id)),
  );

  app.patch(
    '/people/:id',
    {
      schema: { tags, params: ZId, body: ZPersonUpdate, response: { 200: ZPerson, ...errors } },
      config: { permission: 'person.update' },
    },
    async (request) =>
      jsonDates(await updatePerson(deps, request.actor, request.params.id, request.body)),
  );

  app.put(
    '/people/:id/identification',
    {
      schema: {
        tags,
        params: ZId,
        body: ZIdentification,
        response: { 200: ZPerson, ...errors },
      },
      config: { permission: 'person.identify' },
    },
    async (request) =>
      jsonDates(await identifyPerson(deps, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/people/:id/consents',
    {
      schema: { tags, params: ZId, response: { 200: ZConsents, ...errors } },
      config: { permission: 'consent.view' },
    },
    async (request) => {
      const found = await listConsents(deps, request.actor, request.params.id);
      return { current: found.current.map(jsonDates), history: found.history.map(jsonDates) };
    },
  );

  app.post(
    '/people/:id/consents',
    {
      schema: { tags, params: ZId, body: ZConsentCreate, response: { 201: ZConsent, ...errors } },
      config: { permission: 'consent.record' },
    },
    async (request, reply) => {
      const now = new Date();
      const { consent, releases } = await recordConsent(
        deps,
        request.actor,
        request.params.id,
        request.body,
        now,
      );
      await enqueueReleases(app.services.jobProducers.queues, releases, now);
      return reply.status(201).send(jsonDates(consent));
    },
  );
};
