import twilio from 'twilio';
import type { TConfig } from '../../config/config';
import type { TChatTransport } from '../../contracts/chat';
import { twilioHttpClient } from '../telephony/twilio-http.client';
import { conversationsHostOptions } from './twilio-region.policy';

/** What a Twilio Conversations or Media Content Service client needs of the configuration. */
export type TConversationsConfig = Pick<
  TConfig,
  | 'TWILIO_ACCOUNT_SID'
  | 'TWILIO_AUTH_TOKEN'
  | 'TWILIO_API_BASE_URL'
  | 'TWILIO_MEDIA_REGION'
  | 'TWILIO_MEDIA_EDGE'
>;

/**
 * The Conversations API of the account's region and edge (see conversationsHostOptions), from
 * TWILIO_MEDIA_REGION / TWILIO_MEDIA_EDGE. `httpClient` is for tests (the URL the client builds).
 */
export function conversationsClient(
  config: TConversationsConfig,
  httpClient: twilio.RequestClient = twilioHttpClient(config.TWILIO_API_BASE_URL),
) {
  return twilio(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, {
    httpClient,
    ...conversationsHostOptions(config),
  }).conversations.v1;
}

/** WhatsApp, Messenger and SMS replies through the Conversations REST API. */
export function twilioChatTransport(config: TConversationsConfig): TChatTransport {
  const client = conversationsClient(config);
  // Two context types with the same methods; the union of their overloads is not callable.
  const create = (
    serviceSid: string | null,
    sid: string,
    params: { author: string; body?: string; contentSid?: string },
  ) =>
    serviceSid
      ? client.services(serviceSid).conversations(sid).messages.create(params)
      : client.conversations(sid).messages.create(params);
  const close = (serviceSid: string | null, sid: string) =>
    serviceSid
      ? client.services(serviceSid).conversations(sid).update({ state: 'closed' })
      : client.conversations(sid).update({ state: 'closed' });
  return {
    async deliver({ conversationRef, serviceSid, text, author, templateId }) {
      const params = templateId ? { author, contentSid: templateId } : { author, body: text };
      const message = await create(serviceSid, conversationRef.ref, params);
      return { providerMessageId: message.sid };
    },
    async close({ conversationRef, serviceSid }) {
      await close(serviceSid, conversationRef.ref);
    },
  };
}
