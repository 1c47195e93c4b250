import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { AppError } from '../../../src/errors/catalogue';
import { openRedis } from '../../../src/infra/redis';

let stores: TTestStores;
let app: FastifyInstance;
let logs: TLogCapture;

// Throw-away routes registered beside the real ones to exercise the shared error handler.
const probeRoutes: FastifyPluginAsyncZod = async (probe) => {
  probe.post(
    '/probe/echo',
    { schema: { body: z.object({ phone: z.string().min(5) }) } },
    async (req) => ({ ok: req.body.phone.length }),
  );
  probe.get('/probe/log', async (req) => {
    req.log.warn({ From: '+8562055533333', call: { To: '+8562055544444' } }, 'probe line');
    return { id: req.id };
  });
  probe.get('/probe/domain', async () => {
    throw new AppError('CASE_NOT_FOUND');
  });
  probe.get('/probe/crash', async () => {
    throw new Error('secret internal detail at /srv/db');
  });
};

beforeAll(async () => {
  stores = await createTestStores();
  ({ app, logs } = await buildTestApp(stores, { plugins: [probeRoutes] }));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('platform', () => {
  it('answers /healthz and /readyz with Postgres and Redis up', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', postgres: true, redis: true });
  });

  it('turns bad input into a 400 with a machine-readable code', async () => {
    const res = await app.inject({ method: 'POST', url: '/probe/echo', payload: { phone: '1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const malformed = await app.inject({
      method: 'POST',
      url: '/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"phone":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('BAD_REQUEST');
  });

  it('maps domain errors to their status and hides internal detail of crashes', async () => {
    const domain = await app.inject('/probe/domain');
    expect(domain.statusCode).toBe(404);
    expect(domain.json()).toEqual({
      error: { code: 'CASE_NOT_FOUND', message: 'Case not found.' },
    });
    const crash = await app.inject('/probe/crash');
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('secret internal detail');
    expect(crash.json().error.code).toBe('INTERNAL');
  });

  it('answers unknown routes with the catalogue 404', async () => {
    const res = await app.inject('/no/such/route');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('keeps phone numbers, cookies and Twilio fields out of the log', async () => {
    await app.inject({
      method: 'POST',
      url: '/probe/echo',
      headers: { cookie: 'sid=canary-cookie-77', authorization: 'Bearer canary-token-77' },
      payload: { phone: '+8562055599999' },
    });
    app.log.info(
      { From: '+8562055511111', body: { To: '+8562055522222', name: 'Canary Name' } },
      'webhook',
    );
    const text = logs.text();
    for (const secret of [
      'canary-cookie-77',
      'canary-token-77',
      '+8562055511111',
      '+8562055522222',
      'Canary Name',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it("tags a request's log lines with its id and still keeps personal fields out", async () => {
    const res = await app.inject('/probe/log');
    const id = (res.json() as { id: string }).id;
    const line = logs
      .text()
      .split('\n')
      .find((l) => l.includes('probe line'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line as string) as Record<string, unknown>;
    expect(entry.reqId).toBe(id);
    expect(entry.From).toBe('[redacted]');
    expect(entry.call).toEqual({ To: '[redacted]' });
    expect(logs.text()).not.toContain('+8562055533333');
    expect(logs.text()).not.toContain('+8562055544444');
  });

  it('sends security headers and serves the OpenAPI document', async () => {
    const res = await app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const docs = await app.inject('/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(docs.json().openapi).toMatch(/^3\./);
  });
});

describe('readiness with Redis gone', () => {
  it('reports 503 naming the store that is down', async () => {
    const brokenStores = await createTestStores({ REDIS_URL: 'redis://127.0.0.1:1' });
    const deadRedis = openRedis('redis://127.0.0.1:1');
    deadRedis.on('error', () => {});
    const broken = await buildTestApp({ ...brokenStores, redis: deadRedis });
    const res = await broken.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', postgres: true, redis: false });
    await broken.app.close();
    deadRedis.disconnect();
    await brokenStores.cleanup();
  });
});
