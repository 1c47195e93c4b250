import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../errors/catalogue';
import {
  checkTwilioSignature,
  signedUrl,
} from '../../../modules/telephony/twilio-signature.policy';

/**
 * Every Twilio webhook proves it comes from Twilio: missing signature → 400, wrong → 403.
 * Runs after the form body is parsed and before validation. Routes that Twilio fetches without
 * signing (prompt audio) set `config: { twilioSignature: false }`.
 */
export function twilioSignatureHook(authToken: string, publicBaseUrl: string) {
  return async (request: FastifyRequest): Promise<void> => {
    const routeConfig = request.routeOptions.config as { twilioSignature?: boolean };
    if (routeConfig.twilioSignature === false) return;
    const header = request.headers['x-twilio-signature'];
    const body = request.body;
    const params =
      request.method === 'POST' && body && typeof body === 'object'
        ? (body as Record<string, string>)
        : {};
    const check = checkTwilioSignature({
      authToken,
      signature: Array.isArray(header) ? header[0] : header,
      url: signedUrl(publicBaseUrl, request.url),
      params,
    });
    if (check === 'missing') throw new AppError('TWILIO_SIGNATURE_MISSING');
    if (check === 'invalid') throw new AppError('TWILIO_SIGNATURE_INVALID');
  };
}

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    twilioSignature?: boolean;
  }
}
