import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config/config';
import { testConfig } from '../../support/test-config';

const valid = {
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token-123456',
};

describe('configuration', () => {
  it('fills local defaults and freezes the result', () => {
    const config = parseConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_PREFIX).toBe('saiduan');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names a malformed DATABASE_URL in one line', () => {
    expect(() => parseConfig({ ...valid, DATABASE_URL: 'mysql://nope' })).toThrowError(
      /^Invalid configuration: DATABASE_URL .+$/,
    );
  });

  it('reads reports on the primary unless a replica is set, and names a malformed one', () => {
    const config = parseConfig(valid);
    expect(config.DATABASE_REPLICA_URL).toBeUndefined();
    expect(config.REPLICA_MAX_LAG_SECONDS).toBe(60);
    const replicated = parseConfig({
      ...valid,
      DATABASE_REPLICA_URL: 'postgres://saiduan:pw@replica:5432/saiduan',
      REPLICA_MAX_LAG_SECONDS: '15',
    });
    expect(replicated.DATABASE_REPLICA_URL).toBe('postgres://saiduan:pw@replica:5432/saiduan');
    expect(replicated.REPLICA_MAX_LAG_SECONDS).toBe(15);
    expect(() => parseConfig({ ...valid, DATABASE_REPLICA_URL: 'mysql://nope' })).toThrowError(
      /^Invalid configuration: DATABASE_REPLICA_URL .+$/,
    );
  });

  it('names every missing required variable', () => {
    const err = (() => {
      try {
        parseConfig({});
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err).toBeInstanceOf(ConfigError);
    for (const name of ['ENCRYPTION_KEYS', 'HMAC_KEY', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']) {
      expect(err.message).toContain(`${name} is required`);
    }
  });

  it('rejects a short encryption key and a non-Twilio account SID', () => {
    expect(() => parseConfig({ ...valid, ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrowError(
      /ENCRYPTION_KEYS/,
    );
    expect(() => parseConfig({ ...valid, TWILIO_ACCOUNT_SID: 'AC123' })).toThrowError(
      /TWILIO_ACCOUNT_SID/,
    );
  });

  it('treats empty variables as unset so defaults apply', () => {
    expect(parseConfig({ ...valid, PORT: '' }).PORT).toBe(3000);
    expect(testConfig({ PORT: '4000' }).PORT).toBe(4000);
  });
});
