import type { FastifyInstance } from 'fastify';
import { ORIGIN, routingHarness } from '../../../fixtures/routing-harness';
import { createHotline, newCallSid, postSigned } from '../../../fixtures/telephony.fixture';

export type TOneHotline = Awaited<ReturnType<typeof oneHotline>>;

/**
 * One API node serving hotline 1362 in Lao only (a caller goes straight into the queue), driven
 * as in production: through the signed telephony webhooks and the staff API with a session cookie.
 */
export async function oneHotline() {
  const h = await routingHarness({ nodes: 1 });
  const app = h.nodes[0] as FastifyInstance;
  await createHotline(h.stores.database.db, { number: '1362', languages: ['lo'] });
  const webhook = (path: string, params: Record<string, string>) =>
    postSigned(app, { path, params, token: h.stores.config.TWILIO_AUTH_TOKEN, baseUrl: ORIGIN });
  return Object.assign(h, {
    app,
    webhook,
    api: (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/staff${url}`,
        headers: { cookie },
        ...(payload ? { payload } : {}),
      }),
    /** A call from `from` ringing on 1362; answers its CallSid. */
    incoming: async (from: string) => {
      const callSid = newCallSid();
      await webhook('/webhooks/twilio/voice/incoming?hotline=1362', {
        CallSid: callSid,
        From: from,
        To: '+85621136200',
        CallStatus: 'ringing',
      });
      return callSid;
    },
  });
}
