import { describe, expect, it } from 'vitest';
import {
  nextSafeTimes,
  safeToDialNow,
  sameLocalTimeDaysLater,
} from '../../../src/modules/callbacks/safe-time-rollover.policy';

const TZ = 'Asia/Vientiane';
/** An instant given as Vientiane's wall clock (UTC+7). */
const lao = (iso: string) => Date.parse(`${iso}+07:00`);

describe('a call-back whose caller’s safe time has ended', () => {
  it('is held for the same safe hours the next day, from when the caller asked', () => {
    // Asked at 11:20 on 4 December, "only until 13:00"; nobody free until 13:05.
    const next = nextSafeTimes(
      { safeFrom: null, safeUntil: lao('2026-12-04T13:00'), requestedAt: lao('2026-12-04T11:20') },
      lao('2026-12-04T13:05'),
      TZ,
    );
    expect(next).toEqual({
      safeFrom: lao('2026-12-05T11:20'),
      safeUntil: lao('2026-12-05T13:00'),
    });
  });

  it('is left alone while the safe time lasts, and when it never ends', () => {
    const w = {
      safeFrom: null,
      safeUntil: lao('2026-12-04T13:00'),
      requestedAt: lao('2026-12-04T11:20'),
    };
    expect(nextSafeTimes(w, lao('2026-12-04T12:59'), TZ)).toBeNull();
    expect(nextSafeTimes({ ...w, safeUntil: null }, lao('2026-12-09T00:00'), TZ)).toBeNull();
  });

  it('counts days on the Lao calendar: a safe time over midnight comes back that same Lao evening', () => {
    // Asked at 23:30 Lao time on 4 December (16:30 UTC), "until 1 o'clock": ended 01:00 on the 5th
    // (18:00 UTC on the 4th). The next safe hours begin at 23:30 on the 5th, Lao time.
    const next = nextSafeTimes(
      { safeFrom: null, safeUntil: lao('2026-12-05T01:00'), requestedAt: lao('2026-12-04T23:30') },
      lao('2026-12-05T01:02'),
      TZ,
    );
    expect(next).toEqual({
      safeFrom: lao('2026-12-05T23:30'),
      safeUntil: lao('2026-12-06T01:00'),
    });
    // In UTC that start is still the 5th, 16:30: the Lao day, not the UTC date, decided.
    expect(new Date(next?.safeFrom ?? 0).toISOString()).toBe('2026-12-05T16:30:00.000Z');
  });

  it('never begins before the caller asked: a request at 11:20:40 is safe from 11:21 the next day', () => {
    const next = nextSafeTimes(
      {
        safeFrom: null,
        safeUntil: lao('2026-12-04T13:00'),
        requestedAt: lao('2026-12-04T11:20:40'),
      },
      lao('2026-12-04T13:00'),
      TZ,
    );
    expect(next?.safeFrom).toBe(lao('2026-12-05T11:21'));
  });

  it('skips the days the line was away for, to the first safe hours still ahead', () => {
    const w = {
      safeFrom: null,
      safeUntil: lao('2026-12-04T13:00'),
      requestedAt: lao('2026-12-04T12:00'),
    };
    // Three days later at 12:30: inside that day's safe hours (held no more), ends at 13:00.
    expect(nextSafeTimes(w, lao('2026-12-07T12:30'), TZ)).toEqual({
      safeFrom: lao('2026-12-07T12:00'),
      safeUntil: lao('2026-12-07T13:00'),
    });
    // Three days later at 14:00: the fourth day's.
    expect(nextSafeTimes(w, lao('2026-12-07T14:00'), TZ)).toEqual({
      safeFrom: lao('2026-12-08T12:00'),
      safeUntil: lao('2026-12-08T13:00'),
    });
  });

  it('keeps the local clock time across month and year ends', () => {
    expect(sameLocalTimeDaysLater(lao('2026-12-31T23:30'), 1, TZ)).toBe(lao('2027-01-01T23:30'));
    expect(sameLocalTimeDaysLater(lao('2026-02-28T00:15'), 1, TZ)).toBe(lao('2026-03-01T00:15'));
  });

  it('keeps the local clock time where the zone changes its offset', () => {
    // Not in Laos, but the rule must not depend on a fixed offset: New York's spring change.
    const ny = 'America/New_York';
    const before = Date.parse('2026-03-07T12:00:00-05:00');
    expect(sameLocalTimeDaysLater(before, 1, ny)).toBe(Date.parse('2026-03-08T12:00:00-04:00'));
  });
});

describe('dialling a call-back by hand', () => {
  const w = {
    safeFrom: null,
    safeUntil: lao('2026-12-04T13:00'),
    requestedAt: lao('2026-12-04T11:20'),
  };
  it('is safe inside the caller’s safe time', () => {
    expect(safeToDialNow(w, lao('2026-12-04T12:00'), TZ)).toEqual({ safe: true });
  });
  it('waits for the next safe hours once it ended, and is safe inside them', () => {
    expect(safeToDialNow(w, lao('2026-12-04T13:00'), TZ)).toEqual({
      safe: false,
      from: lao('2026-12-05T11:20'),
    });
    expect(safeToDialNow(w, lao('2026-12-05T11:30'), TZ)).toEqual({ safe: true });
  });
  it('waits for a safe time that has not begun', () => {
    const from = { safeFrom: lao('2026-12-04T18:00'), safeUntil: null, requestedAt: w.requestedAt };
    expect(safeToDialNow(from, lao('2026-12-04T17:00'), TZ)).toEqual({
      safe: false,
      from: lao('2026-12-04T18:00'),
    });
  });
});
