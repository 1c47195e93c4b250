import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/config';
import { mcsBaseUrl } from '../../../src/modules/chat/twilio-region.policy';

const valid = {
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token-123456',
};

// Chat attachments are fetched from the Media Content Service of the account's Twilio Region:
// an account in Ireland must not be sent to the US host.
describe('the Media Content Service host per Twilio Region', () => {
  it('is US1 by default, and the region (through its own edge or the one set) otherwise', () => {
    expect(mcsBaseUrl(parseConfig(valid))).toBe('https://mcs.us1.twilio.com');
    expect(mcsBaseUrl(parseConfig({ ...valid, TWILIO_MEDIA_REGION: 'ie1' }))).toBe(
      'https://mcs.dublin.ie1.twilio.com',
    );
    expect(
      mcsBaseUrl(
        parseConfig({ ...valid, TWILIO_MEDIA_REGION: 'au1', TWILIO_MEDIA_EDGE: 'sydney' }),
      ),
    ).toBe('https://mcs.sydney.au1.twilio.com');
    expect(mcsBaseUrl(parseConfig({ ...valid, TWILIO_MEDIA_EDGE: 'ashburn' }))).toBe(
      'https://mcs.ashburn.us1.twilio.com',
    );
  });

  it('refuses a region or an edge Twilio does not have, naming the setting', () => {
    expect(() => parseConfig({ ...valid, TWILIO_MEDIA_REGION: 'eu1' })).toThrowError(
      /^Invalid configuration: TWILIO_MEDIA_REGION .+$/,
    );
    expect(() => parseConfig({ ...valid, TWILIO_MEDIA_EDGE: 'paris' })).toThrowError(
      /^Invalid configuration: TWILIO_MEDIA_EDGE .+$/,
    );
  });
});
