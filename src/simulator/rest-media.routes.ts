import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { simMediaContent, type TConversationsEngine, type TSimMedia } from './conversations-engine';
import { twilioError } from './rest-support';

const MCS = 'https://mcs.us1.twilio.com';
const MEDIA_HOST = 'https://media.us1.twilio.com';
/** How long a direct content link stays valid, as Twilio's temporary links do (minutes). */
const TEMPORARY_SECONDS = 300;

/**
 * Twilio's Media Content Service (MCS) for Conversations media, as far as the server uses it:
 * `GET /v1/Services/{ChatServiceSid}/Media/{Sid}` (HTTP Basic, like every Twilio REST call)
 * answers the Media resource, whose `links.content_direct_temporary` is a signed, expiring link
 * to the bytes on another host that needs no credentials. The Twilio helper library does not
 * cover MCS, so the server calls it with plain HTTP; both hosts end in twilio.com and reach the
 * simulator through TWILIO_API_BASE_URL.
 */
export function restMediaRoutes(
  engine: TConversationsEngine,
  accountSid: string,
): FastifyPluginAsync {
  const keyPairId = `KP${randomBytes(16).toString('hex')}`;
  const secret = randomBytes(32);
  const sign = (sid: string, expires: number) =>
    createHmac('sha256', secret).update(`${sid}:${expires}`).digest('base64url');

  function mediaJson(m: TSimMedia) {
    const url = `${MCS}/v1/Services/${m.serviceSid}/Media/${m.sid}`;
    const expires = Math.floor(Date.now() / 1000) + TEMPORARY_SECONDS;
    return {
      sid: m.sid,
      account_sid: accountSid,
      service_sid: m.serviceSid,
      channel_sid: m.conversationSid,
      message_sid: m.messageSid,
      date_created: m.createdAt.toISOString(),
      date_upload_completed: m.createdAt.toISOString(),
      date_updated: m.createdAt.toISOString(),
      author: m.author,
      category: 'media',
      content_type: m.contentType,
      filename: m.filename,
      size: m.size,
      is_multipart_upstream: false,
      url,
      links: {
        content: `${url}/Content`,
        content_direct_temporary: `${MEDIA_HOST}/${m.sid}?Expires=${expires}&Signature=${sign(m.sid, expires)}&Key-Pair-Id=${keyPairId}`,
      },
    };
  }

  return async (app) => {
    app.get<{ Params: { ChatServiceSid: string; Sid: string } }>(
      '/v1/Services/:ChatServiceSid/Media/:Sid',
      async (request, reply) => {
        const m = engine.media.get(request.params.Sid);
        if (!m || m.unavailable || m.serviceSid !== request.params.ChatServiceSid)
          return twilioError(reply, 404, 20404, 'The requested resource was not found');
        return mediaJson(m);
      },
    );

    // The temporary link itself: no credentials, only a valid, unexpired signature.
    app.get<{ Params: { sid: string }; Querystring: { Expires?: string; Signature?: string } }>(
      '/:sid',
      async (request, reply) => {
        const { sid } = request.params;
        const m = /^ME[0-9a-f]{32}$/.test(sid) ? engine.media.get(sid) : undefined;
        const expires = Number(request.query.Expires);
        const given = Buffer.from(request.query.Signature ?? '');
        const wanted = Buffer.from(m ? sign(sid, expires) : '');
        const valid =
          m &&
          !m.unavailable &&
          Number.isFinite(expires) &&
          expires * 1000 > Date.now() &&
          given.length === wanted.length &&
          timingSafeEqual(given, wanted);
        if (!valid) return reply.status(403).type('text/plain').send('Forbidden');
        return reply
          .header('content-type', m.contentType)
          .header('content-disposition', `attachment; filename="${m.sid}"`)
          .send(simMediaContent(m));
      },
    );
  };
}
