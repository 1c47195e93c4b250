import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TConversationsEngine } from './conversations-engine';

const ZChannel = z.enum(['whatsapp', 'messenger', 'sms']);

export const ZUserWrites = z.object({
  hotline: z
    .string()
    .regex(/^\d{3,8}$/)
    .default('1362'),
  channel: ZChannel,
  from: z.string().min(3).max(64),
  text: z.string().max(4096),
  media: z
    .array(
      z.object({
        contentType: z.string(),
        filename: z.string(),
        size: z.number().int(),
        /** The file's bytes; without them `size` bytes are made up. */
        contentBase64: z.string().max(30_000_000).optional(),
        /** Twilio loses the file: its Media resource answers 404. */
        unavailable: z.boolean().optional(),
      }),
    )
    .max(10)
    .optional(),
});

/**
 * Simulated chat users for tests and the CLI: write (the webhook goes to the server signed),
 * have Twilio deliver a message again, and read what the hotline wrote back.
 */
export function controlChatRoutes(engine: TConversationsEngine): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/sim/chat/messages', { schema: { body: ZUserWrites } }, async (request, reply) => {
      try {
        return await engine.userWrites(request.body);
      } catch (err) {
        return reply
          .status(422)
          .send({ error: { code: 'NO_CHAT_SERVICE', message: (err as Error).message } });
      }
    });

    app.post(
      '/sim/chat/messages/:sid/redeliver',
      { schema: { params: z.object({ sid: z.string() }) } },
      async (request, reply) => {
        const status = await engine.redeliver(request.params.sid);
        return status === null
          ? reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Not found.' } })
          : { status };
      },
    );

    app.get(
      '/sim/chat/inbox',
      { schema: { querystring: z.object({ channel: ZChannel, from: z.string().min(3).max(64) }) } },
      async (request) => ({ messages: engine.inbox(request.query.channel, request.query.from) }),
    );
  };
}
