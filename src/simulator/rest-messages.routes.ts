import type { FastifyPluginAsync } from 'fastify';
import type { TCallEngine } from './call-engine';
import { newSid } from './sim-ids';
import { messageJson, pageJson } from './twilio-resources';
import { API_PREFIX, form, one, pathOf, twilioError } from './rest-support';

/** Messages: SMS are kept (for the control API to show) and marked delivered at once. */
export function restMessagesRoutes(engine: TCallEngine): FastifyPluginAsync {
  const { accountSid } = engine.options;
  return async (app) => {
    app.post(`${API_PREFIX}/Messages.json`, async (request, reply) => {
      const f = form(request);
      const to = one(f.To);
      const from = one(f.From) ?? one(f.MessagingServiceSid);
      const body = one(f.Body);
      if (!to || !from || !body)
        return twilioError(reply, 400, 21602, 'To, From and Body are required');
      const message = {
        sid: newSid('SM'),
        to,
        from,
        body,
        status: 'queued' as const,
        createdAt: new Date(),
      };
      engine.state.messages.set(message.sid, message);
      return reply.status(201).send(messageJson(accountSid, message));
    });

    app.get(`${API_PREFIX}/Messages.json`, async (request) =>
      pageJson(
        'messages',
        pathOf(request),
        [...engine.state.messages.values()].map((m) => messageJson(accountSid, m)),
      ),
    );
  };
}
