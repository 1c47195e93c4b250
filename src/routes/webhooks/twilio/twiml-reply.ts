import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Form fields Twilio posts; every voice webhook carries the call's SID. */
export const ZTwilioVoiceBody = z
  .object({ CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/) })
  .catchall(z.string());

export const ZHotlineQuery = z.object({ hotline: z.string().regex(/^\d{3,8}$/) });
export const ZLanguage = z.string().regex(/^[a-z]{2,3}$/);
export const ZTwiml = z.string().describe('TwiML (text/xml)');

/**
 * Answers within the webhook deadline whatever happens below: a thrown error or a store that
 * does not answer in time gets the route's fallback TwiML, never a 5xx.
 */
export async function replyTwiml(
  request: FastifyRequest,
  reply: FastifyReply,
  deadlineMs: number,
  work: () => Promise<string>,
  fallback: () => string,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  let twiml: string;
  try {
    const outcome = await Promise.race([work(), late]);
    if (outcome === 'late') {
      request.log.warn({ deadlineMs }, 'voice webhook missed its deadline; fallback TwiML sent');
      twiml = fallback();
    } else twiml = outcome;
  } catch (err) {
    request.log.error(
      { err: { message: (err as Error).message } },
      'voice webhook failed; fallback TwiML sent',
    );
    twiml = fallback();
  } finally {
    clearTimeout(timer);
  }
  reply.status(200).type('text/xml');
  return twiml;
}
