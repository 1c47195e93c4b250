import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/config';
import { conversationsClient } from '../../../src/modules/chat/twilio-conversations.provider';

const valid = {
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token-123456',
};

/** Keeps the URL the twilio package asked for and answers like Twilio, without a network. */
class Recording extends twilio.RequestClient {
  uris: string[] = [];
  override request<TData>(
    opts: Parameters<twilio.RequestClient['request']>[0],
  ): Promise<{ statusCode: number; body: TData; headers: object }> {
    this.uris.push(opts.uri);
    const body = { sid: `IM${'0'.repeat(32)}`, conversation_sid: 'CH1' } as TData;
    return Promise.resolve({ statusCode: 201, body, headers: {} });
  }
}

async function replyUrl(env: Record<string, string>): Promise<string> {
  const http = new Recording();
  const client = conversationsClient(parseConfig({ ...valid, ...env }), http);
  await client.conversations('CH1').messages.create({ author: 'counsellor', body: 'ສະບາຍດີ' });
  return http.uris[0] ?? '';
}

// A reply to a WhatsApp chat goes to the Conversations API of the account's Twilio Region and
// through the edge set for it: an account in Ireland must not be written to in the US.
describe('the Conversations REST host', () => {
  it('is conversations.twilio.com in US1 without an edge', async () => {
    expect(await replyUrl({})).toBe(
      'https://conversations.twilio.com/v1/Conversations/CH1/Messages',
    );
  });

  it('names the edge and the region when either is set', async () => {
    expect(await replyUrl({ TWILIO_MEDIA_EDGE: 'sydney' })).toBe(
      'https://conversations.sydney.us1.twilio.com/v1/Conversations/CH1/Messages',
    );
    expect(await replyUrl({ TWILIO_MEDIA_REGION: 'ie1' })).toBe(
      'https://conversations.dublin.ie1.twilio.com/v1/Conversations/CH1/Messages',
    );
    expect(await replyUrl({ TWILIO_MEDIA_REGION: 'ie1', TWILIO_MEDIA_EDGE: 'frankfurt' })).toBe(
      'https://conversations.frankfurt.ie1.twilio.com/v1/Conversations/CH1/Messages',
    );
  });
});
