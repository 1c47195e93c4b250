import type { FastifyPluginAsync } from 'fastify';
import type { TCallEngine } from './call-engine';
import { ring } from './endpoints';
import { ALL_STATUS_EVENTS } from './status-callbacks';
import { runCall } from './twiml-runner';
import { callJson, pageJson } from './twilio-resources';
import { API_PREFIX, form, many, one, pathOf, twilioError } from './rest-support';

/** Calls: create (rings the simulated endpoint, then runs the TwiML at Url), list, fetch, update. */
export function restCallsRoutes(engine: TCallEngine): FastifyPluginAsync {
  const { accountSid } = engine.options;
  return async (app) => {
    app.post(`${API_PREFIX}/Calls.json`, async (request, reply) => {
      const f = form(request);
      const to = one(f.To);
      const from = one(f.From);
      const url = one(f.Url);
      if (!to || !from || !url)
        return twilioError(reply, 400, 21205, 'To, From and Url are required');
      const statusUrl = one(f.StatusCallback);
      const events = many(f.StatusCallbackEvent);
      const call = engine.newCall({
        from,
        to,
        direction: 'outbound-api',
        statusCallback: statusUrl
          ? { url: statusUrl, events: events.length ? events : ['completed'] }
          : null,
      });
      const timeout = Number(one(f.Timeout) ?? 60) || 60;
      void engine.setStatus(call, 'queued').then(async () => {
        const { outcome } = ring(engine, {
          target: to,
          from,
          parentCallSid: null,
          timeoutSeconds: timeout,
          child: call,
        });
        if ((await outcome) === 'answered') await runCall(engine, call, url);
      });
      return reply.status(201).send(callJson(accountSid, call));
    });

    app.get(`${API_PREFIX}/Calls.json`, async (request) => {
      const status = one((request.query as Record<string, string>).Status);
      const calls = [...engine.state.calls.values()].filter((c) => !status || c.status === status);
      return pageJson(
        'calls',
        pathOf(request),
        calls.map((c) => callJson(accountSid, c)),
      );
    });

    app.get<{ Params: { Sid: string } }>(
      `${API_PREFIX}/Calls/:Sid.json`,
      async (request, reply) => {
        const call = engine.state.calls.get(request.params.Sid);
        if (!call) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        return callJson(accountSid, call);
      },
    );

    app.post<{ Params: { Sid: string } }>(
      `${API_PREFIX}/Calls/:Sid.json`,
      async (request, reply) => {
        const call = engine.state.calls.get(request.params.Sid);
        if (!call) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        const f = form(request);
        const status = one(f.Status);
        const url = one(f.Url);
        if (status === 'completed' || status === 'canceled') {
          engine.hangup(call);
          if (call.status === 'ringing' || call.status === 'queued')
            await engine.setStatus(call, 'canceled');
        } else if (url) {
          if (engine.isOver(call)) return twilioError(reply, 400, 21220, 'Call is not in-progress');
          engine.redirect(call, url);
        }
        return callJson(accountSid, call);
      },
    );
  };
}

export { ALL_STATUS_EVENTS };
