import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TCallEngine } from './call-engine';
import { actOnRing } from './endpoints';
import type { TSimCall } from './sim-state';

const ZError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const notFound = { error: { code: 'NOT_FOUND', message: 'Not found.' } };

export const ZPlaceCall = z.object({
  hotline: z.string().regex(/^\d{3,8}$/),
  from: z.string().regex(/^\+?\d{6,16}$/),
  digits: z.union([z.string(), z.array(z.string().max(10)).max(50)]).optional(),
  hangupAfterSeconds: z.number().positive().max(86_400).optional(),
  statusCallbacks: z
    .object({
      duplicate: z.boolean().optional(),
      outOfOrder: z.boolean().optional(),
      retries: z.number().int().min(0).max(5).optional(),
    })
    .optional(),
});
export type TPlaceCall = z.infer<typeof ZPlaceCall>;

const ZCallView = z.object({
  sid: z.string(),
  status: z.string(),
  direction: z.string(),
  hotline: z.string().nullable(),
  queued: z.boolean(),
  conference: z.string().nullable(),
  transcript: z.array(
    z.object({ at: z.number(), verb: z.string(), detail: z.string().optional() }),
  ),
});

const ZRing = z.object({
  id: z.string(),
  target: z.string(),
  kind: z.enum(['softphone', 'mobile']),
  callSid: z.string(),
  parentCallSid: z.string().nullable(),
  state: z.string(),
  createdAt: z.string(),
});

export function callView(call: TSimCall) {
  return {
    sid: call.sid,
    status: call.status,
    direction: call.direction,
    hotline: call.hotline,
    queued: call.queueSid !== null,
    conference: call.conferenceSid,
    transcript: call.transcript,
  };
}

/**
 * The simulator's own API for tests, the CLI and the web console's simulator mode: place a
 * call, press keys, hang up, and answer simulated softphones and mobiles.
 */
export function controlApiRoutes(
  engine: TCallEngine,
  placeCall: (args: TPlaceCall) => TSimCall,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/sim/calls',
      { schema: { body: ZPlaceCall, response: { 201: ZCallView } } },
      async (request, reply) => reply.status(201).send(callView(placeCall(request.body))),
    );

    app.get('/sim/calls', { schema: { response: { 200: z.array(ZCallView) } } }, async () =>
      [...engine.state.calls.values()].map(callView),
    );

    app.get(
      '/sim/calls/:sid',
      {
        schema: {
          params: z.object({ sid: z.string() }),
          response: { 200: ZCallView, 404: ZError },
        },
      },
      async (request, reply) => {
        const call = engine.state.calls.get(request.params.sid);
        return call ? callView(call) : reply.status(404).send(notFound);
      },
    );

    app.post(
      '/sim/calls/:sid/digits',
      {
        schema: {
          params: z.object({ sid: z.string() }),
          body: z.object({ digits: z.string().regex(/^[0-9*#]{1,10}$/) }),
          response: { 200: ZCallView, 404: ZError },
        },
      },
      async (request, reply) => {
        const call = engine.state.calls.get(request.params.sid);
        if (!call) return reply.status(404).send(notFound);
        call.script.digits.push(request.body.digits);
        return callView(call);
      },
    );

    app.post(
      '/sim/calls/:sid/hangup',
      {
        schema: {
          params: z.object({ sid: z.string() }),
          response: { 200: ZCallView, 404: ZError },
        },
      },
      async (request, reply) => {
        const call = engine.state.calls.get(request.params.sid);
        if (!call) return reply.status(404).send(notFound);
        engine.hangup(call);
        return callView(call);
      },
    );

    app.get(
      '/sim/rings',
      {
        schema: {
          querystring: z.object({ target: z.string().optional(), state: z.string().optional() }),
          response: { 200: z.array(ZRing) },
        },
      },
      async (request) =>
        [...engine.state.rings.values()]
          .filter(
            (r) =>
              (!request.query.target || r.target === request.query.target) &&
              (!request.query.state || r.state === request.query.state),
          )
          .map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    );

    app.post(
      '/sim/rings/:id/:action',
      {
        schema: {
          params: z.object({ id: z.string(), action: z.enum(['answer', 'reject', 'hangup']) }),
          // Keys pressed once answered, e.g. '1' at a mobile's whisper ("hotline call, press 1").
          body: z
            .object({
              digits: z
                .string()
                .regex(/^[0-9*#]{1,10}$/)
                .optional(),
            })
            .nullish(),
          response: { 200: ZRing, 404: ZError },
        },
      },
      async (request, reply) => {
        const digits = request.body?.digits;
        const entry = actOnRing(
          engine,
          request.params.id,
          request.params.action,
          digits ? [digits] : [],
        );
        return entry
          ? { ...entry, createdAt: entry.createdAt.toISOString() }
          : reply.status(404).send(notFound);
      },
    );

    app.get(
      '/sim/messages',
      {
        schema: {
          response: {
            200: z.array(z.object({ sid: z.string(), to: z.string(), body: z.string() })),
          },
        },
      },
      async () =>
        [...engine.state.messages.values()].map((m) => ({ sid: m.sid, to: m.to, body: m.body })),
    );
  };
}
