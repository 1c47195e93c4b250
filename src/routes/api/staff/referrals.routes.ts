import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withdrawReasons } from '../../../contracts/partner-tickets';
import { referralNeeds, referralPriorities } from '../../../contracts/referral-vocabulary';
import { ZConsentOverride } from '../../../contracts/consent-requirements';
import { overrideHold } from '../../../modules/referrals/holds/consent-holds.service';
import { AppError } from '../../../errors/catalogue';
import { enqueueDelivery } from '../../../modules/referrals/runtime/referral-jobs.provider';
import {
  assertTicketInStaffReach,
  failedDeliveries,
  referralsOfCase,
  reopenDelivery,
} from '../../../modules/referrals/request/referral-reads.service';
import { requestReferral } from '../../../modules/referrals/request/request-referral.service';
import { changeTicket } from '../../../modules/referrals/tickets/ticket-actions.service';
import { ticketNotifier } from '../../../modules/referrals/tickets/ticket-notifier.provider';
import { followUpChange } from '../../../modules/referrals/followups/ticket-followups.service';
import { ZFailedDelivery } from '../../../contracts/referral-oversight';
import { ZReferralList } from '../../../contracts/api/referrals';
import { ZErrorBody } from '../../error.schema';

const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  422: ZErrorBody,
};
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));

const ZReferralBody = z.object({
  caseId: z.string().uuid(),
  personId: z.string().uuid(),
  needs: z.array(z.enum(referralNeeds)).min(1).max(referralNeeds.length),
  priority: z.enum(referralPriorities),
  /** Only for imminent danger: lets the police be informed without the adult's consent. */
  dangerJustification: z.string().trim().min(10).max(2000).optional(),
});

const ZFailed = z.array(ZFailedDelivery);

/** The hotline's side of referrals: request, follow, withdraw, and the failed-delivery list. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referrals'];
  const runtime = () => ({ ...app.services.jobProducers, config: app.deps.config });

  app.post(
    '/referrals',
    {
      config: { permission: 'referral.request' },
      schema: {
        tags,
        body: ZReferralBody,
        response: { 201: z.object({ referralId: z.string(), enqueued: z.boolean() }), ...errors },
      },
    },
    async (request, reply) => {
      const result = await requestReferral(
        { ...app.deps, queues: app.services.jobProducers.queues },
        request.actor,
        request.body,
        new Date(),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/referrals',
    {
      config: { permission: 'referral.view' },
      schema: {
        tags,
        querystring: z.object({ caseId: z.string().uuid() }),
        response: { 200: ZReferralList, ...errors },
      },
    },
    async (request) =>
      asJson(await referralsOfCase(app.deps.db, request.actor, request.query.caseId)),
  );

  app.post(
    '/referrals/tickets/:id/withdraw',
    {
      config: { permission: 'referral.withdraw' },
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        body: z
          .object({
            reason: z.enum(withdrawReasons),
            note: z.string().trim().min(1).max(2000).optional(),
          })
          .refine((b) => b.reason !== 'other' || b.note, {
            message: 'A reason of "other" needs a note.',
            path: ['note'],
          }),
        response: { 200: z.object({ id: z.string(), state: z.string() }), ...errors },
      },
    },
    async (request) => {
      await assertTicketInStaffReach(app.deps.db, request.actor, request.params.id);
      const now = new Date();
      const result = await changeTicket(
        app.deps,
        request.params.id,
        { side: 'hotline', kind: 'staff', userId: request.actor.userId },
        {
          kind: 'transition',
          event: { type: 'withdraw', reason: request.body.reason },
          ...(request.body.note ? { note: request.body.note } : {}),
        },
        now,
      );
      await followUpChange(runtime(), result, now);
      return { id: result.ticket.id, state: result.ticket.state };
    },
  );

  app.post(
    '/referrals/holds/:id/override',
    {
      config: { permission: 'referral.consent-override' },
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        body: ZConsentOverride,
        response: { 202: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { queues, emitter, live } = app.services.jobProducers;
      const result = await overrideHold(
        { ...app.deps, queues },
        request.actor,
        request.params.id,
        request.body,
        new Date(),
      );
      // Supervisors see an override as it happens; the audit log keeps it in any case.
      if (live())
        ticketNotifier(emitter).toSupervisors('referral:consent-overridden', {
          referralId: result.referralId,
        });
      return reply.status(202).send({ id: result.id });
    },
  );

  app.get(
    '/referrals/deliveries/failed',
    {
      config: { permission: 'delivery.failed.view' },
      schema: { tags, response: { 200: ZFailed, ...errors } },
    },
    async (request) => asJson(await failedDeliveries(app.deps.db, request.actor)),
  );

  app.post(
    '/referrals/deliveries/:id/resend',
    {
      config: { permission: 'delivery.resend' },
      schema: {
        tags,
        params: z.object({ id: z.string().uuid() }),
        response: { 202: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      if (!(await reopenDelivery(app.deps, request.actor, request.params.id)))
        throw new AppError('NOT_FOUND');
      await enqueueDelivery(app.services.jobProducers.queues, app.deps.config, request.params.id, {
        replaceFinished: true,
      }).catch(() => {}); // Redis down: the reconciler sends it
      return reply.status(202).send({ id: request.params.id });
    },
  );
};
