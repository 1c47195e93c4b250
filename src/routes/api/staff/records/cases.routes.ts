import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseTimeline, listCaseNotes } from '../../../../modules/cases/case-reads.service';
import {
  addCaseNote,
  changeCaseStatus,
  createCase,
  getCase,
  setLegalHold,
  updateCase,
} from '../../../../modules/cases/cases.service';
import { recordCaseService } from '../../../../modules/cases/case-services.service';
import { searchCases } from '../../../../modules/cases/records-search.service';
import {
  ZCase,
  ZCaseCreate,
  ZCaseServiceCreate,
  ZCaseStatusChange,
  ZCaseUpdate,
  ZLegalHold,
  ZNote,
  ZNoteCreate,
  ZSearch,
  ZSearchResult,
  ZTimelineEntry,
} from '../../../../contracts/api/records';
import { errors, jsonDates, ZId } from './records.schemas';

import { ZErrorBody } from '../../../error.schema';

const tags = ['cases'];

/** Cases: open, read (audited), edit with optimistic concurrency, move through the workflow, notes, timeline, search. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.post(
    '/cases',
    {
      schema: { tags, body: ZCaseCreate, response: { 201: ZCase, ...errors } },
      config: { permission: 'case.create' },
    },
    async (request, reply) =>
      reply.status(201).send(jsonDates(await createCase(deps, request.actor, request.body))),
  );

  app.get(
    '/cases/:id',
    {
      schema: { tags, params: ZId, response: { 200: ZCase, ...errors } },
      config: { permission: 'case.view' },
    },
    async (request) => jsonDates(await getCase(deps, request.actor, request.params.id)),
  );

  app.patch(
    '/cases/:id',
    {
      schema: { tags, params: ZId, body: ZCaseUpdate, response: { 200: ZCase, ...errors } },
      config: { permission: 'case.update' },
    },
    async (request) =>
      jsonDates(await updateCase(deps, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/cases/:id/status',
    {
      schema: { tags, params: ZId, body: ZCaseStatusChange, response: { 200: ZCase, ...errors } },
      config: { permission: 'case.status' },
    },
    async (request) =>
      jsonDates(await changeCaseStatus(deps, request.actor, request.params.id, request.body)),
  );

  app.put(
    '/cases/:id/legal-hold',
    {
      schema: { tags, params: ZId, body: ZLegalHold, response: { 200: ZCase, ...errors } },
      config: { permission: 'case.legal-hold' },
    },
    async (request) =>
      jsonDates(await setLegalHold(deps, request.actor, request.params.id, request.body.legalHold)),
  );

  app.get(
    '/cases/:id/notes',
    {
      schema: { tags, params: ZId, response: { 200: z.array(ZNote), ...errors } },
      config: { permission: 'case.view' },
    },
    async (request) => (await listCaseNotes(deps, request.actor, request.params.id)).map(jsonDates),
  );

  app.post(
    '/cases/:id/notes',
    {
      schema: { tags, params: ZId, body: ZNoteCreate, response: { 201: ZNote, ...errors } },
      config: { permission: 'case.note' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          jsonDates(await addCaseNote(deps, request.actor, request.params.id, request.body.body)),
        ),
  );

  app.get(
    '/cases/:id/timeline',
    {
      schema: { tags, params: ZId, response: { 200: z.array(ZTimelineEntry), ...errors } },
      config: { permission: 'case.view' },
    },
    async (request) => (await caseTimeline(deps, request.actor, request.params.id)).map(jsonDates),
  );

  // POST so a phone number searched for never appears in a URL or an access log.
  app.post(
    '/search/cases',
    {
      schema: { tags, body: ZSearch, response: { 200: ZSearchResult, ...errors } },
      config: { permission: 'record.search' },
    },
    async (request) => (await searchCases(deps, request.actor, request.body)).map(jsonDates),
  );

  app.post(
    '/cases/:id/services',
    {
      schema: {
        tags,
        params: ZId,
        body: ZCaseServiceCreate,
        response: { 201: z.object({ id: z.string() }), ...errors, 422: ZErrorBody },
      },
      config: { permission: 'case.update' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordCaseService(deps, request.actor, request.params.id, request.body)),
  );
};
