import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  flagCaller,
  lookupCaller,
  lookupCallerByCall,
} from '../../../../modules/contacts/callers.service';
import {
  createContact,
  getContact,
  listCaseContacts,
  updateContact,
} from '../../../../modules/contacts/contacts.service';
import {
  ZCallerFlag,
  ZCallerFlagCreate,
  ZCallerLookup,
  ZCallerLookupResult,
  ZContact,
  ZContactCreate,
  ZContactUpdate,
} from '../../../../contracts/api/records';
import { errors, jsonDates, ZId } from './records.schemas';

const tags = ['contacts'];
const ZCallSid = z.string().regex(/^CA[0-9a-fA-F]{32}$/);
/** The console knows a call only by its CallSid; the server links the contact to the call row. */
const ZContactCreateForCall = ZContactCreate.extend({
  callSid: ZCallSid.optional(),
  /** Or the chat it records (the conversation's id); the conversation is linked to it. */
  conversationId: z.uuid().optional(),
});

/** Contacts (one interaction each) and the repeat-caller lookup. */
export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  app.post(
    '/contacts',
    {
      schema: { tags, body: ZContactCreateForCall, response: { 201: ZContact, ...errors } },
      config: { permission: 'contact.create' },
    },
    async (request, reply) =>
      reply.status(201).send(jsonDates(await createContact(deps, request.actor, request.body))),
  );

  app.get(
    '/contacts/:id',
    {
      schema: { tags, params: ZId, response: { 200: ZContact, ...errors } },
      config: { permission: 'contact.view' },
    },
    async (request) => jsonDates(await getContact(deps, request.actor, request.params.id)),
  );

  app.patch(
    '/contacts/:id',
    {
      schema: { tags, params: ZId, body: ZContactUpdate, response: { 200: ZContact, ...errors } },
      config: { permission: 'contact.update' },
    },
    async (request) =>
      jsonDates(await updateContact(deps, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/cases/:id/contacts',
    {
      schema: { tags, params: ZId, response: { 200: z.array(ZContact), ...errors } },
      config: { permission: 'case.view' },
    },
    async (request) =>
      (await listCaseContacts(deps, request.actor, request.params.id)).map(jsonDates),
  );

  app.post(
    '/callers/lookup',
    {
      schema: { tags, body: ZCallerLookup, response: { 200: ZCallerLookupResult, ...errors } },
      config: { permission: 'caller.lookup' },
    },
    async (request) => {
      const found = await lookupCaller(deps, request.actor, request.body.phone);
      return {
        earlierContacts: found.earlierContacts.map(jsonDates),
        flags: found.flags.map(jsonDates),
      };
    },
  );

  app.get(
    '/callers/by-call/:callSid',
    {
      schema: {
        tags,
        params: z.object({ callSid: ZCallSid }),
        response: { 200: ZCallerLookupResult, ...errors },
      },
      config: { permission: 'caller.lookup' },
    },
    async (request) => {
      const found = await lookupCallerByCall(deps, request.actor, request.params.callSid);
      return {
        earlierContacts: found.earlierContacts.map(jsonDates),
        flags: found.flags.map(jsonDates),
      };
    },
  );

  app.post(
    '/callers/flags',
    {
      schema: { tags, body: ZCallerFlagCreate, response: { 201: ZCallerFlag, ...errors } },
      config: { permission: 'caller.flag' },
    },
    async (request, reply) =>
      reply.status(201).send(jsonDates(await flagCaller(deps, request.actor, request.body))),
  );
};
