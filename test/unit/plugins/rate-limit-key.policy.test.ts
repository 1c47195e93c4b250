import { describe, expect, it } from 'vitest';
import { isUnlimitedPath, rateLimitKey } from '../../../src/plugins/rate-limit-key.policy';

describe('rate-limit buckets', () => {
  it('keys a signed-in person on who they are, not on the office address they share', () => {
    const office = '203.0.113.7';
    expect(rateLimitKey({ ip: office, userId: 'a' })).not.toBe(
      rateLimitKey({ ip: office, userId: 'b' }),
    );
    expect(rateLimitKey({ ip: office, userId: 'a' })).toBe(
      rateLimitKey({ ip: '198.51.100.1', userId: 'a' }),
    );
  });

  it('keys a magic-link partner on the link and everyone else on the address', () => {
    expect(rateLimitKey({ ip: '203.0.113.7', magicLinkId: 'l1' })).toBe('link:l1');
    expect(rateLimitKey({ ip: '203.0.113.7' })).toBe('ip:203.0.113.7');
  });

  it('never limits the web app files but limits everything else', () => {
    expect(isUnlimitedPath('/assets/index-3f2a.js')).toBe(true);
    expect(isUnlimitedPath('/assets/../api/staff/users')).toBe(false);
    expect(isUnlimitedPath('/api/staff/assets/x')).toBe(false);
    expect(isUnlimitedPath('/auth/me')).toBe(false);
  });
});
