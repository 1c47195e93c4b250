import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type TConfig } from '../../src/config/config';

const key = () => randomBytes(32).toString('base64');

/** A valid config with fresh secrets; tests override what they need. */
export function testConfig(overrides: Record<string, string> = {}): TConfig {
  return parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL: 'https://hotline.test',
    ENCRYPTION_KEYS: `k1:${key()}`,
    HMAC_KEY: key(),
    TWILIO_ACCOUNT_SID: `AC${randomBytes(16).toString('hex')}`,
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    COOKIE_SECURE: 'false',
    // Partners' test receivers listen on this machine.
    PARTNER_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    // Each app its own chat journal: one test's journaled messages must never drain into another's database.
    CHAT_JOURNAL_DIR: join(tmpdir(), `saiduan-chat-journal-${randomBytes(6).toString('hex')}`),
    ...overrides,
  });
}
