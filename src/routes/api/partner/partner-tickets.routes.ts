import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeTicket,
  type TTicketActor,
} from '../../../modules/referrals/tickets/ticket-actions.service';
import { followUpChange } from '../../../modules/referrals/followups/ticket-followups.service';
import {
  partnerInbox,
  partnerTicketView,
  ticketInReach,
  type TPartnerPrincipal,
} from '../../../modules/referrals/tickets/partner-tickets.service';
import type {
  TTicketChange,
  TTicketEvent,
} from '../../../modules/referrals/tickets/ticket-state.policy';
import {
  asJson,
  partnerErrors,
  ZAction,
  ZChanged,
  ZInboxItem,
  ZInboxQuery,
  ZNoteBody,
  ZServiceBody,
  ZTicketId,
  ZTicketView,
} from './partner.schemas';
import { z } from 'zod';

function ticketActor(principal: TPartnerPrincipal): TTicketActor {
  return principal.kind === 'portal'
    ? { side: 'partner', kind: 'partner', userId: principal.actor.userId }
    : { side: 'partner', kind: 'magic_link', userId: null, linkId: principal.linkId };
}

function eventOf(body: z.infer<typeof ZAction>): TTicketEvent {
  if (body.action === 'decline') return { type: 'decline', reason: body.reason };
  if (body.action === 'complete') return { type: 'complete', outcome: body.outcome };
  return { type: body.action };
}

/** The partner portal's ticket API: inbox, one ticket, and every action a partner can take. */
export const partnerTicketRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['partner'];

  const apply = async (principal: TPartnerPrincipal, id: string, change: TTicketChange) => {
    await ticketInReach(app.deps.db, principal, id);
    const now = new Date();
    const result = await changeTicket(app.deps, id, ticketActor(principal), change, now);
    await followUpChange({ ...app.services.jobProducers, config: app.deps.config }, result, now);
    return { id: result.ticket.id, state: result.ticket.state, version: result.ticket.version };
  };

  app.get(
    '/tickets',
    {
      config: { partnerAccess: 'portal', partnerPermission: 'ticket.list' },
      schema: {
        tags,
        querystring: ZInboxQuery,
        response: { 200: z.array(ZInboxItem), ...partnerErrors },
      },
    },
    async (request) => {
      if (request.partner.kind !== 'portal') return [];
      const rows = await partnerInbox(
        app.deps.db,
        request.partner.actor,
        request.query.box,
        request.query.unitId,
      );
      return asJson(rows) as z.infer<typeof ZInboxItem>[];
    },
  );

  app.get(
    '/tickets/:id',
    {
      config: { partnerAccess: 'ticket', partnerPermission: 'ticket.view' },
      schema: { tags, params: ZTicketId, response: { 200: ZTicketView, ...partnerErrors } },
    },
    async (request) =>
      asJson(await partnerTicketView(app.deps, request.partner, request.params.id)) as z.infer<
        typeof ZTicketView
      >,
  );

  app.post(
    '/tickets/:id/actions',
    {
      config: { partnerAccess: 'ticket', partnerPermission: 'ticket.act' },
      schema: {
        tags,
        params: ZTicketId,
        body: ZAction,
        response: { 200: ZChanged, ...partnerErrors },
      },
    },
    async (request) =>
      apply(request.partner, request.params.id, {
        kind: 'transition',
        event: eventOf(request.body),
        ...(request.body.note ? { note: request.body.note } : {}),
      }),
  );

  app.post(
    '/tickets/:id/notes',
    {
      config: { partnerAccess: 'ticket', partnerPermission: 'ticket.act' },
      schema: {
        tags,
        params: ZTicketId,
        body: ZNoteBody,
        response: { 200: ZChanged, ...partnerErrors },
      },
    },
    async (request) =>
      apply(request.partner, request.params.id, { kind: 'note', note: request.body.note }),
  );

  app.post(
    '/tickets/:id/services',
    {
      config: { partnerAccess: 'ticket', partnerPermission: 'ticket.act' },
      schema: {
        tags,
        params: ZTicketId,
        body: ZServiceBody,
        response: { 200: ZChanged, ...partnerErrors },
      },
    },
    async (request) =>
      apply(request.partner, request.params.id, {
        kind: 'service',
        service: request.body.service,
        givenOn: request.body.givenOn,
        quantity: request.body.quantity,
        ...(request.body.endsOn ? { endsOn: request.body.endsOn } : {}),
        ...(request.body.note ? { note: request.body.note } : {}),
      }),
  );
};
