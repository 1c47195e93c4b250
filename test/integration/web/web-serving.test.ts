import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildWebOnce } from '../../e2e/support/web-build';

describe('serving the web app (SERVE_WEB)', () => {
  let stores: TTestStores;
  let app: FastifyInstance;

  beforeAll(async () => {
    await buildWebOnce();
    stores = await createTestStores({ SERVE_WEB: 'true' });
    ({ app } = await buildTestApp(stores));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await stores?.cleanup();
  });

  it('answers a client-side route with the app shell, uncached', async () => {
    const res = await app.inject({ method: 'GET', url: '/desk/cases/123' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  });

  it('serves hashed assets with a long cache', async () => {
    const html = (await app.inject({ method: 'GET', url: '/' })).body;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const res = await app.inject({ method: 'GET', url: asset ?? '' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('serves the web chat widget as one script other sites may embed', async () => {
    const res = await app.inject({ method: 'GET', url: '/webchat.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    // Small on a visitor's phone: no framework, no validation library, the Lao font inlined.
    expect(res.body.length).toBeLessThan(100_000);
    expect(res.body).not.toContain('ZodError');
    expect(res.body).toContain('data:font/woff2');
  });

  it('keeps unknown API, auth and webhook paths as JSON 404s', async () => {
    for (const url of ['/api/staff/nothing-here', '/auth/nope', '/webhooks/twilio/nope']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    }
  });
});
