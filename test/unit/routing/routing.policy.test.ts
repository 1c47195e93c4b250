import { describe, expect, it } from 'vitest';
import {
  planOffers,
  selectCounsellor,
  type TRoutableCaller,
  type TRoutableCounsellor,
} from '../../../src/modules/routing/routing.policy';

const settings = { relaxLanguageAfterMs: 60_000, relaxHotlineAfterMs: 120_000 };
const now = 1_000_000;

const caller = (o: Partial<TRoutableCaller> & { callSid: string }): TRoutableCaller => ({
  hotline: '1362',
  language: 'lo',
  enqueuedAt: now - 1000,
  score: now - 1000,
  kind: 'inbound',
  ...o,
});
const counsellor = (o: Partial<TRoutableCounsellor> & { userId: string }): TRoutableCounsellor => ({
  hotlines: ['1362'],
  languages: ['lo'],
  idleSince: now - 5000,
  ...o,
});

describe('selectCounsellor', () => {
  it('offers the longest idle counsellor who serves the hotline and speaks the language', () => {
    const match = selectCounsellor(
      caller({ callSid: 'CA1', language: 'hmn' }),
      [
        counsellor({ userId: 'lao-long-idle', idleSince: now - 90_000 }),
        counsellor({ userId: 'hmong-recent', languages: ['lo', 'hmn'], idleSince: now - 10 }),
        counsellor({ userId: 'hmong-idle', languages: ['hmn'], idleSince: now - 20_000 }),
      ],
      now,
      settings,
    );
    expect(match).toEqual({ userId: 'hmong-idle', tier: 'exact' });
  });

  it('waits for the language until the relaxation time, then takes anyone on the hotline', () => {
    const pool = [counsellor({ userId: 'lao-only' })];
    const hmong = (waited: number) =>
      caller({ callSid: 'CA2', language: 'hmn', enqueuedAt: now - waited });
    expect(selectCounsellor(hmong(59_999), pool, now, settings)).toBeNull();
    expect(selectCounsellor(hmong(60_000), pool, now, settings)).toEqual({
      userId: 'lao-only',
      tier: 'any-language',
    });
  });

  it('crosses to another hotline that shares the language only after the second wait', () => {
    const pool = [counsellor({ userId: 'youth-line', hotlines: ['1554'], languages: ['km'] })];
    const khmu = (waited: number) =>
      caller({ callSid: 'CA3', language: 'km', enqueuedAt: now - waited });
    expect(selectCounsellor(khmu(119_000), pool, now, settings)).toBeNull();
    expect(selectCounsellor(khmu(120_000), pool, now, settings)).toEqual({
      userId: 'youth-line',
      tier: 'other-hotline',
    });
  });

  it('prefers an exact match over a relaxed one even for a caller who waited long', () => {
    const match = selectCounsellor(
      caller({ callSid: 'CA4', language: 'hmn', enqueuedAt: now - 200_000 }),
      [
        counsellor({ userId: 'lao', idleSince: now - 500_000 }),
        counsellor({ userId: 'hmong', languages: ['hmn'], idleSince: now }),
      ],
      now,
      settings,
    );
    expect(match?.userId).toBe('hmong');
  });
});

describe('planOffers', () => {
  it('serves callers in queue order (priority boost first) and gives each counsellor one call', () => {
    const plan = planOffers(
      [
        caller({ callSid: 'CA-late', score: now - 100 }),
        caller({ callSid: 'CA-early', score: now - 3000 }),
        caller({ callSid: 'CA-child', score: now - 9000 }),
      ],
      [counsellor({ userId: 'u1', idleSince: 1 }), counsellor({ userId: 'u2', idleSince: 2 })],
      now,
      settings,
    );
    expect(plan.map((p) => [p.callSid, p.userId])).toEqual([
      ['CA-child', 'u1'],
      ['CA-early', 'u2'],
    ]);
  });

  it('lets a caller behind take a counsellor that the caller ahead cannot use', () => {
    const plan = planOffers(
      [
        caller({ callSid: 'CA-hmong', language: 'hmn', score: 1 }),
        caller({ callSid: 'CA-lao', score: 2 }),
      ],
      [counsellor({ userId: 'lao' })],
      now,
      settings,
    );
    expect(plan).toEqual([{ callSid: 'CA-lao', userId: 'lao', tier: 'exact' }]);
  });

  it('passes over whoever let the caller ring out while anyone else, of any allowed tier, fits', () => {
    const rangOut = caller({
      callSid: 'CA-rang-out',
      enqueuedAt: now - 70_000,
      missedBy: ['sleepy'],
    });
    const sleepy = counsellor({ userId: 'sleepy', idleSince: now - 90_000 });
    const english = counsellor({ userId: 'english', languages: ['en'], idleSince: now });
    expect(planOffers([rangOut], [sleepy, english], now, settings)).toEqual([
      { callSid: 'CA-rang-out', userId: 'english', tier: 'any-language' },
    ]);
    // Nobody else fits: she is offered it again rather than the caller waiting for nobody.
    expect(planOffers([rangOut], [sleepy], now, settings)).toEqual([
      { callSid: 'CA-rang-out', userId: 'sleepy', tier: 'exact' },
    ]);
    // Another caller is not held back by her missed offer.
    expect(planOffers([caller({ callSid: 'CA-other' })], [sleepy], now, settings)).toEqual([
      { callSid: 'CA-other', userId: 'sleepy', tier: 'exact' },
    ]);
  });

  it('plans nothing when nobody is free', () => {
    expect(planOffers([caller({ callSid: 'CA1' })], [], now, settings)).toEqual([]);
  });
});
