import { describe, expect, it } from 'vitest';
import { judgeBrowserRequest } from '../../../src/plugins/browser-request.policy';
import { browserOrigins } from '../../../src/plugins/browser-requests';

const config = {
  PUBLIC_BASE_URL: 'https://hotline.example.la/',
  REALTIME_DEV_ORIGIN: 'http://localhost:5173',
};
const request = (over: Partial<Parameters<typeof judgeBrowserRequest>[0]> = {}) => ({
  method: 'POST',
  path: '/api/staff/users',
  origin: undefined,
  fetchSite: undefined,
  contentType: 'application/json',
  hasBody: true,
  extraBodyTypes: [],
  ...over,
});

describe('browser request policy', () => {
  it('lets the Vite dev server in outside production only', () => {
    const dev = browserOrigins({ ...config, NODE_ENV: 'development' });
    const prod = browserOrigins({ ...config, NODE_ENV: 'production' });
    const fromVite = request({ origin: 'http://localhost:5173' });
    expect(judgeBrowserRequest(fromVite, dev)).toBe('allowed');
    expect(judgeBrowserRequest(fromVite, prod)).toBe('ORIGIN_REFUSED');
    expect(judgeBrowserRequest(request({ origin: 'https://hotline.example.la' }), prod)).toBe(
      'allowed',
    );
  });

  it('leaves reads and signed webhooks alone, and a route may take its own body type', () => {
    const prod = browserOrigins({ ...config, NODE_ENV: 'production' });
    const foreign = 'https://attacker.example';
    expect(judgeBrowserRequest(request({ method: 'GET', origin: foreign }), prod)).toBe('allowed');
    const webhook = request({
      path: '/webhooks/twilio/voice/incoming',
      contentType: 'application/x-www-form-urlencoded',
      origin: foreign,
    });
    expect(judgeBrowserRequest(webhook, prod)).toBe('allowed');
    const audio = request({ method: 'PUT', contentType: 'audio/wav' });
    expect(judgeBrowserRequest(audio, prod)).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(judgeBrowserRequest({ ...audio, extraBodyTypes: ['audio/wav'] }, prod)).toBe('allowed');
    expect(judgeBrowserRequest(request({ contentType: undefined, hasBody: false }), prod)).toBe(
      'allowed',
    );
  });
});
