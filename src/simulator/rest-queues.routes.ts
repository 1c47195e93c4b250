import type { FastifyPluginAsync } from 'fastify';
import type { TCallEngine } from './call-engine';
import { newSid } from './sim-ids';
import { memberJson, pageJson, queueJson } from './twilio-resources';
import { API_PREFIX, form, one, pathOf, twilioError } from './rest-support';

/** Queues and Queue Members: the server dequeues one specific caller to a URL. */
export function restQueuesRoutes(engine: TCallEngine): FastifyPluginAsync {
  const { accountSid } = engine.options;
  const { queues } = engine.state;
  return async (app) => {
    app.get(`${API_PREFIX}/Queues.json`, async (request) =>
      pageJson(
        'queues',
        pathOf(request),
        [...queues.values()].map((q) => queueJson(accountSid, q, new Date())),
      ),
    );

    app.post(`${API_PREFIX}/Queues.json`, async (request, reply) => {
      const f = form(request);
      const friendlyName = one(f.FriendlyName);
      if (!friendlyName) return twilioError(reply, 400, 21205, 'FriendlyName is required');
      const existing = [...queues.values()].find((q) => q.friendlyName === friendlyName);
      const queue = existing ?? {
        sid: newSid('QU'),
        friendlyName,
        maxSize: Number(one(f.MaxSize) ?? 100) || 100,
        createdAt: new Date(),
        members: [],
      };
      queues.set(queue.sid, queue);
      return reply.status(201).send(queueJson(accountSid, queue, new Date()));
    });

    app.get<{ Params: { Sid: string } }>(
      `${API_PREFIX}/Queues/:Sid.json`,
      async (request, reply) => {
        const queue = queues.get(request.params.Sid);
        if (!queue) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        return queueJson(accountSid, queue, new Date());
      },
    );

    app.get<{ Params: { QueueSid: string } }>(
      `${API_PREFIX}/Queues/:QueueSid/Members.json`,
      async (request, reply) => {
        const queue = queues.get(request.params.QueueSid);
        if (!queue) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        const now = new Date();
        return pageJson(
          'queue_members',
          pathOf(request),
          queue.members.map((m) => memberJson(accountSid, queue, m.callSid, now)),
        );
      },
    );

    const member = (queueSid: string, callSid: string) => {
      const queue = queues.get(queueSid);
      const sid = callSid === 'Front' ? queue?.members[0]?.callSid : callSid;
      return queue && sid && queue.members.some((m) => m.callSid === sid) ? { queue, sid } : null;
    };

    app.get<{ Params: { QueueSid: string; CallSid: string } }>(
      `${API_PREFIX}/Queues/:QueueSid/Members/:CallSid.json`,
      async (request, reply) => {
        const found = member(request.params.QueueSid, request.params.CallSid);
        if (!found) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        return memberJson(accountSid, found.queue, found.sid, new Date());
      },
    );

    app.post<{ Params: { QueueSid: string; CallSid: string } }>(
      `${API_PREFIX}/Queues/:QueueSid/Members/:CallSid.json`,
      async (request, reply) => {
        const found = member(request.params.QueueSid, request.params.CallSid);
        const url = one(form(request).Url);
        if (!found) return twilioError(reply, 404, 20404, 'The requested resource was not found');
        if (!url) return twilioError(reply, 400, 21205, 'Url is required');
        const body = memberJson(accountSid, found.queue, found.sid, new Date());
        const call = engine.state.calls.get(found.sid);
        if (call) engine.redirect(call, url);
        return body;
      },
    );
  };
}
