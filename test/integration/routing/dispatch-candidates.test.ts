import { defaultCapacity } from '../../../src/modules/routing/capacity.policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenceRepository } from '../../../src/modules/routing/presence/presence.repository';
import { offersRepository } from '../../../src/modules/routing/offers.repository';
import { planOffers, type TRoutableCounsellor } from '../../../src/modules/routing/routing.policy';
import { waitingQueue } from '../../../src/modules/routing/waiting-queue.repository';
import { createTestStores, type TTestStores } from '../../support/test-stores';
import { routingKeyspace } from '../../../src/modules/routing/routing.keys';

// Dispatch reads only the longest-idle few counsellors per skill, not everyone available. The
// offers it plans must be exactly those it would plan knowing every available counsellor.
let stores: TTestStores;

beforeAll(async () => {
  stores = await createTestStores();
});
afterAll(() => stores.cleanup());

const T0 = 1_700_000_000_000;
const settings = { relaxLanguageAfterMs: 60_000, relaxHotlineAfterMs: 120_000 };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('dispatch candidates', () => {
  it('plans the same offers as with every available counsellor, across skills and relaxation', async () => {
    const hotlineCodes = ['1362', '1554', '1800'];
    const languageCodes = ['lo', 'hmn', 'kmr', 'en'];
    for (let seed = 1; seed <= 12; seed++) {
      const prefix = `${stores.config.REDIS_PREFIX}:cand${seed}`;
      const rnd = random(seed);
      const pick = <T>(list: readonly T[]) => list.filter(() => rnd() < 0.4);
      const presence = presenceRepository(stores.redis, prefix);
      const offers = offersRepository(stores.redis, prefix);
      const queue = waitingQueue(stores.redis, prefix);
      const counsellors = 5 + Math.floor(rnd() * 30);
      for (let i = 0; i < counsellors; i++)
        await presence.set({
          userId: `u${String(i).padStart(2, '0')}`,
          target: rnd() < 0.8 ? 'available' : 'away',
          hotlines: pick(hotlineCodes),
          languages: pick(languageCodes),
          // Several counsellors share an idle time: the tie is broken the same way everywhere.
          now: T0 - Math.floor(rnd() * 10) * 1000,
        });
      const callers = 1 + Math.floor(rnd() * 40);
      for (let i = 0; i < callers; i++)
        await queue.add({
          callSid: `CA${seed}x${i}`,
          hotline: hotlineCodes[Math.floor(rnd() * hotlineCodes.length)] ?? '1362',
          language: languageCodes[Math.floor(rnd() * languageCodes.length)] ?? 'lo',
          enqueuedAt: T0 - Math.floor(rnd() * 200_000),
          priorityBoostMs: rnd() < 0.1 ? 300_000 : 0,
        });

      const { counsellors: read, callers: waiting } = await offers.candidates();
      const everyone: TRoutableCounsellor[] = (
        await presence.list((r) => r.state === 'available')
      ).map((r) => ({
        userId: r.userId,
        hotlines: r.hotlines,
        languages: r.languages,
        idleSince: r.idleSince ?? 0,
      }));
      expect(read.length).toBeLessThanOrEqual(everyone.length);
      expect(planOffers(waiting, read, T0, settings)).toEqual(
        planOffers(waiting, everyone, T0, settings),
      );
    }
  });

  it('still plans as with everyone when callers must pass over those who let them ring out', async () => {
    const hotlineCodes = ['1362', '1554'];
    const languageCodes = ['lo', 'hmn'];
    for (let seed = 1; seed <= 12; seed++) {
      const prefix = `${stores.config.REDIS_PREFIX}:missed${seed}`;
      const rnd = random(seed * 13);
      const pick = <T>(list: readonly T[]) => list.filter(() => rnd() < 0.6);
      const presence = presenceRepository(stores.redis, prefix);
      const offers = offersRepository(stores.redis, prefix);
      const queue = waitingQueue(stores.redis, prefix);
      const ids: string[] = [];
      for (let i = 0; i < 3 + Math.floor(rnd() * 10); i++) {
        ids.push(`u${String(i).padStart(2, '0')}`);
        await presence.set({
          userId: ids[i] as string,
          target: 'available',
          hotlines: pick(hotlineCodes),
          languages: pick(languageCodes),
          now: T0 - i * 1000,
        });
      }
      for (let i = 0; i < 1 + Math.floor(rnd() * 4); i++) {
        const callSid = `CA${seed}m${i}`;
        await queue.add({
          callSid,
          hotline: hotlineCodes[Math.floor(rnd() * hotlineCodes.length)] ?? '1362',
          language: languageCodes[Math.floor(rnd() * languageCodes.length)] ?? 'lo',
          enqueuedAt: T0 - Math.floor(rnd() * 150_000),
          priorityBoostMs: 0,
        });
        // The longest-idle counsellors are the ones most likely read first: they rang out.
        const missed = ids.slice(-1 - Math.floor(rnd() * 3));
        await stores.redis.hset(
          `${routingKeyspace(prefix)}:caller:${callSid}`,
          'missedBy',
          missed.join(','),
        );
      }
      const { counsellors: read, callers: waiting } = await offers.candidates();
      expect(waiting.every((c) => (c.missedBy ?? []).length > 0)).toBe(true);
      const everyone = (await presence.list((r) => r.state === 'available')).map((r) => ({
        userId: r.userId,
        hotlines: r.hotlines,
        languages: r.languages,
        idleSince: r.idleSince ?? 0,
      }));
      expect(planOffers(waiting, read, T0, settings)).toEqual(
        planOffers(waiting, everyone, T0, settings),
      );
    }
  });

  it('offers a caller who queues alone to the counsellor the policy picks, in one step', async () => {
    const hotlineCodes = ['1362', '1554'];
    const languageCodes = ['lo', 'hmn', 'en'];
    for (let seed = 1; seed <= 20; seed++) {
      const prefix = `${stores.config.REDIS_PREFIX}:newcomer${seed}`;
      const rnd = random(seed * 7);
      const pick = <T>(list: readonly T[]) => list.filter(() => rnd() < 0.5);
      const presence = presenceRepository(stores.redis, prefix);
      const offers = offersRepository(stores.redis, prefix);
      const queue = waitingQueue(stores.redis, prefix);
      for (let i = 0; i < 1 + Math.floor(rnd() * 12); i++)
        await presence.set({
          userId: `u${String(i).padStart(2, '0')}`,
          target: 'available',
          hotlines: pick(hotlineCodes),
          languages: pick(languageCodes),
          now: T0 - Math.floor(rnd() * 5) * 1000,
        });
      const caller = {
        callSid: `CA${seed}`,
        hotline: hotlineCodes[Math.floor(rnd() * hotlineCodes.length)] ?? '1362',
        language: languageCodes[Math.floor(rnd() * languageCodes.length)] ?? 'lo',
        // A caller re-queued after a missed bridge may already be past the relaxation times.
        enqueuedAt: T0 - ([0, 70_000, 130_000][seed % 3] ?? 0),
        priorityBoostMs: 0,
      };
      const everyone = (await presence.list((r) => r.state === 'available')).map((r) => ({
        userId: r.userId,
        hotlines: r.hotlines,
        languages: r.languages,
        idleSince: r.idleSince ?? 0,
      }));
      await queue.add(caller);
      const expected = planOffers(
        [{ ...caller, score: caller.enqueuedAt, kind: 'inbound' }],
        everyone,
        T0,
        settings,
      )[0];
      const made = await offers.offerNewcomer(
        caller.callSid,
        { offerId: `of${seed}`, now: T0, expiresAt: T0 + 20_000 },
        settings,
      );
      if (!expected) expect(made).toEqual({ kind: 'none' });
      else {
        expect(made.kind === 'offered' && [made.userId, made.tier]).toEqual([
          expected.userId,
          expected.tier,
        ]);
        expect((await presence.get(expected.userId))?.state).toBe('offered');
      }
    }
  });

  it('leaves the choice to a dispatch round when another caller is ready too', async () => {
    const prefix = `${stores.config.REDIS_PREFIX}:two`;
    const presence = presenceRepository(stores.redis, prefix);
    const offers = offersRepository(stores.redis, prefix);
    const queue = waitingQueue(stores.redis, prefix);
    const add = (callSid: string, hotline: string) =>
      queue.add({ callSid, hotline, language: 'lo', enqueuedAt: T0, priorityBoostMs: 0 });
    await add('CA1', '1800'); // nobody on 1800: still waiting, and ready
    await presence.set({
      userId: 'u1',
      target: 'available',
      hotlines: ['1362'],
      languages: ['lo'],
      now: T0,
    });
    await add('CA2', '1362');
    const offer = { offerId: 'of1', now: T0, expiresAt: T0 + 20_000 };
    expect(await offers.offerNewcomer('CA2', offer, settings)).toEqual({ kind: 'round' });
    expect((await presence.get('u1'))?.state).toBe('available');
  });

  it('follows a counsellor whose skills change while available, and forgets them once offered', async () => {
    const prefix = `${stores.config.REDIS_PREFIX}:skills`;
    const presence = presenceRepository(stores.redis, prefix);
    const offers = offersRepository(stores.redis, prefix);
    const queue = waitingQueue(stores.redis, prefix);
    const me = { userId: 'u1', target: 'available' as const, now: T0 };
    await presence.set({ ...me, hotlines: ['1362'], languages: ['lo'] });
    await queue.add({
      callSid: 'CA1',
      hotline: '1554',
      language: 'hmn',
      enqueuedAt: T0,
      priorityBoostMs: 0,
    });
    expect((await offers.candidates()).counsellors).toEqual([]);

    // Now on the other hotline and language: the caller's skills find them, idle time kept.
    await presence.set({ ...me, hotlines: ['1554'], languages: ['hmn'], now: T0 + 5000 });
    const { counsellors } = await offers.candidates();
    expect(counsellors).toEqual([
      {
        userId: 'u1',
        idleSince: T0,
        hotlines: ['1554'],
        languages: ['hmn'],
        chats: 0,
        capacity: defaultCapacity,
      },
    ]);
    const made = await offers.reserve(
      [{ callSid: 'CA1', userId: 'u1', offerId: 'of1', tier: 'exact' }],
      T0 + 20_000,
    );
    expect(made.get('of1')).toContain('offered');

    // Offered, then back (the offer timed out): listed again under the current skills only.
    await queue.add({
      callSid: 'CA2',
      hotline: '1362',
      language: 'lo',
      enqueuedAt: T0,
      priorityBoostMs: 0,
    });
    expect((await offers.candidates()).counsellors).toEqual([]);
    await offers.release('of1', 'timeout', T0 + 20_000, 3);
    expect((await offers.candidates()).counsellors.map((c) => c.userId)).toEqual(['u1']);
    const indexed = await stores.redis.keys(`${prefix}:av*`);
    for (const key of indexed)
      expect(await stores.redis.zrange(key, '0', '-1')).toEqual(
        key.endsWith(':1362') || key.endsWith(':lo') || key.endsWith(':1362:lo') ? [] : ['u1'],
      );
  });
});
