import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../src/plugins/security-headers';

// Helmet's headers are worked out once at start-up and given to every answer: what is recorded
// must be what helmet would set, and a directive helmet computes per request must not be frozen.
describe('security headers worked out once', () => {
  it("are helmet's headers for the options, lower-cased, X-Powered-By left out", () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] } },
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('refuses a directive computed per request, such as a nonce', () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: {
          directives: { scriptSrc: ["'self'", () => `'nonce-${Math.random()}'`] },
        },
      }),
    ).toThrow(/per-request/);
  });
});
