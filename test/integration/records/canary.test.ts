import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { buildTestApp, type TLogCapture } from '../../support/test-app';
import { createStaff, loginAs } from '../../fixtures/staff';
import { staffCall } from '../../fixtures/records';

// A unique value in every sensitive field, then a search for it everywhere it must not be.
const canary = {
  callerPhone: '+856 20 9135 7924',
  callerName: 'CanaryCallerName7391',
  contactSummary: 'CanaryContactSummary7391',
  safeCallbackWindow: 'CanaryWindow7391',
  codeWord: 'CanaryCodeWord7391',
  caseSummary: 'CanaryCaseSummary7391',
  note: 'CanaryNoteBody7391',
  fullName: 'CanaryFullName7391',
  alias: 'CanaryAlias7391',
  dateOfBirth: '1991-07-13',
  address: 'CanaryAddress7391',
  personPhone: '+856 20 8246 1357',
  personNotes: 'CanaryPersonNotes7391',
};
const phoneDigits = ['8562091357924', '2091357924', '8562082461357', '2082461357'];
const needles = [...Object.values(canary), ...phoneDigits];

let stores: TTestStores;
let app: FastifyInstance;
let logs: TLogCapture;

async function redisDump(redis: Redis, prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const key of await redis.keys(`${prefix}*`)) {
    parts.push(key);
    const type = await redis.type(key);
    if (type === 'string') parts.push((await redis.get(key)) ?? '');
    if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
    if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
    if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
    if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, '0', '-1')));
    if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
  }
  return parts.join('\n');
}

async function databaseDump(stores: TTestStores): Promise<string> {
  const tables = await stores.database.sql<Array<{ name: string }>>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await stores.database
      .sql`select row_to_json(t)::text as j from ${stores.database.sql(name)} t`;
    parts.push(...rows.map((r) => r.j as string));
  }
  return parts.join('\n');
}

beforeAll(async () => {
  stores = await createTestStores();
  ({ app, logs } = await buildTestApp(stores));
});
afterAll(async () => {
  await app.close();
  await stores.cleanup();
});

describe('canary values', () => {
  it('never reach plain database columns, logs, Redis or job payloads', async () => {
    const counsellor = await loginAs(app, await createStaff(stores, { role: 'counsellor' }));
    const admin = await loginAs(app, await createStaff(stores, { role: 'administrator' }));
    const created = await staffCall(app, counsellor, 'POST', '/cases', {
      hotline: '1362',
      summary: canary.caseSummary,
    });
    const caseId = created.body.id as string;
    const contact = await staffCall(app, counsellor, 'POST', '/contacts', {
      hotline: '1362',
      caseId,
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
      callerPhone: canary.callerPhone,
      callerName: canary.callerName,
      summary: canary.contactSummary,
      safeCallbackWindow: canary.safeCallbackWindow,
      codeWord: canary.codeWord,
    });
    expect(contact.status).toBe(201);
    await staffCall(app, counsellor, 'POST', `/cases/${caseId}/notes`, { body: canary.note });
    const person = await staffCall(app, counsellor, 'POST', `/cases/${caseId}/people`, {
      role: 'victim',
      fullName: canary.fullName,
      alias: canary.alias,
      dateOfBirth: canary.dateOfBirth,
      address: canary.address,
      phone: canary.personPhone,
      notes: canary.personNotes,
    });
    expect(person.status).toBe(201);
    // Reads, lookups and searches with the canaries in the request.
    expect((await staffCall(app, counsellor, 'GET', `/cases/${caseId}`)).body.summary).toBe(
      canary.caseSummary,
    );
    await staffCall(app, counsellor, 'GET', `/people/${person.body.id}`);
    await staffCall(app, counsellor, 'GET', `/cases/${caseId}/contacts`);
    const lookup = await staffCall(app, counsellor, 'POST', '/callers/lookup', {
      phone: canary.callerPhone,
    });
    expect(lookup.body.earlierContacts).toHaveLength(1);
    const search = await staffCall(app, counsellor, 'POST', '/search/cases', {
      phone: canary.personPhone,
    });
    expect(search.body).toHaveLength(1);
    // A rejected request must not echo what it was given.
    const rejected = await staffCall(app, counsellor, 'POST', '/contacts', {
      hotline: '1362',
      channel: 'call',
      language: 'lo',
      callerType: 'self',
      contactType: 'crisis',
      callerName: canary.callerName.repeat(20),
      summary: 42,
    });
    expect(rejected.status).toBe(400);
    expect(JSON.stringify(rejected.body)).not.toContain(canary.callerName);
    // Jobs: key rotation and retention runs put their payloads into Redis.
    expect((await staffCall(app, admin, 'POST', '/admin/keys/rotate')).status).toBe(202);
    expect((await staffCall(app, admin, 'POST', '/admin/retention/run')).status).toBe(202);

    const places = {
      database: await databaseDump(stores),
      logs: logs.text(),
      redis: await redisDump(stores.redis, stores.config.REDIS_PREFIX),
    };
    expect(places.redis).toContain('key-rotation');
    expect(places.database).toContain('summary_enc');
    for (const [place, text] of Object.entries(places)) {
      for (const needle of needles)
        expect(`${place}: ${text.includes(needle)}`).toBe(`${place}: false`);
    }
  });
});
