import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROMPT_CACHE_MAX_ENTRIES,
  promptsRepository,
} from '../../../src/modules/prompts/prompts.repository';
import { createHotline } from '../../fixtures/telephony.fixture';
import { buildTestApp } from '../../support/test-app';
import { createTestStores, type TTestStores } from '../../support/test-stores';

let stores: TTestStores;
let app: FastifyInstance;
const PER_ADDRESS = 40;

beforeAll(async () => {
  stores = await createTestStores({ PROMPT_RATE_LIMIT_MAX: String(PER_ADDRESS) });
  await createHotline(stores.database.db); // 1362, in Lao and English
  await createHotline(stores.database.db, { number: '1554', phoneNumber: '+85621155400' });
  ({ app } = await buildTestApp(stores));
});
afterAll(async () => {
  await app?.close();
  await stores?.cleanup();
});

// A full collection before each reading, so the figures show what is kept, not garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const memory = () => {
  collect();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: Math.round(rss / 2 ** 20), heap: Math.round(heapUsed / 2 ** 20) };
};

let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};
const fetchPrompt = (path: string, remoteAddress = nextAddress()) =>
  app.inject({ url: `/webhooks/twilio/prompts/${path}`, remoteAddress });

describe('public prompt audio under a flood', () => {
  it('answers only hotlines and languages that exist', async () => {
    const lao = await fetchPrompt('1362/lo/welcome.wav');
    const english = await fetchPrompt('1362/en/welcome.wav');
    const unknownHotline = await fetchPrompt('4242/lo/welcome.wav');
    const unknownLanguage = await fetchPrompt('1362/th/welcome.wav');
    expect([lao.statusCode, english.statusCode]).toEqual([200, 200]);
    expect(lao.headers['content-type']).toBe('audio/wav');
    expect([unknownHotline.statusCode, unknownLanguage.statusCode]).toEqual([404, 404]);
    expect(unknownHotline.json().error.code).toBe('NOT_FOUND');
  });

  it('plays one placeholder per prompt name, whichever hotline asks', async () => {
    const a = await fetchPrompt('1362/lo/position.wav');
    const b = await fetchPrompt('1554/lo/position.wav');
    const other = await fetchPrompt('1554/lo/welcome.wav');
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    expect(a.rawPayload.equals(other.rawPayload)).toBe(false);
  });

  it('keeps the cache and the process bounded while thousands of made-up hotlines are asked for', async () => {
    const prompts = promptsRepository(stores.database.db);
    const before = prompts.cached();
    const memBefore = memory();
    const flood = 6000;
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < flood; batch += 200) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          fetchPrompt(`${10_000_000 + batch + i}/lo/welcome.wav`),
        ),
      );
      for (const a of answers) statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1);
    }
    const memAfter = memory();
    const after = prompts.cached();
    console.log(
      `prompt flood: ${flood} made-up hotlines, cache ${before.entries} → ${after.entries} entries ` +
        `(${after.bytes} bytes); heap ${memBefore.heap} → ${memAfter.heap} MB, ` +
        `rss ${memBefore.rss} → ${memAfter.rss} MB`,
    );
    expect(Object.fromEntries(statuses)).toEqual({ 404: flood });
    expect(after.entries).toBe(before.entries);
    expect(after.entries).toBeLessThanOrEqual(PROMPT_CACHE_MAX_ENTRIES);
  }, 120_000);

  it('limits one address (429 with a code), while another address is still served', async () => {
    const address = nextAddress();
    const answers = [];
    for (let i = 0; i < PER_ADDRESS + 2; i++)
      answers.push(await fetchPrompt('1362/lo/welcome.wav', address));
    expect(answers.slice(0, PER_ADDRESS).every((a) => a.statusCode === 200)).toBe(true);
    expect(answers.at(-1)?.statusCode).toBe(429);
    expect(answers.at(-1)?.json().error.code).toBe('RATE_LIMITED');
    expect((await fetchPrompt('1362/lo/welcome.wav')).statusCode).toBe(200);
  });
});
