import { describe, expect, it } from 'vitest';
import {
  keyedHour,
  keyedNumber,
  lastDigits,
  nextLocalHour,
  numberChoice,
  resolveWindow,
  windowChoice,
  windowState,
} from '../../../src/modules/voice/callback-request.policy';

const TZ = 'Asia/Vientiane';
// 2026-12-05 10:30 in Vientiane (UTC+7).
const NOW = Date.UTC(2026, 11, 5, 3, 30);

describe('what a waiting caller keys for a call-back', () => {
  it('reads one key per choice, and nothing else', () => {
    expect(numberChoice('1')).toBe('this');
    expect(numberChoice('2')).toBe('other');
    expect(numberChoice('3')).toBeNull();
    expect(numberChoice(undefined)).toBeNull();
    expect(windowChoice('1')).toBe('any');
    expect(windowChoice('2')).toBe('until');
    expect(windowChoice('3')).toBe('from');
    expect(windowChoice('9')).toBeNull();
  });

  it('takes an hour from 0 to 23 only', () => {
    expect(keyedHour('7')).toBe(7);
    expect(keyedHour('07#')).toBe(7);
    expect(keyedHour('23')).toBe(23);
    expect(keyedHour('24')).toBeNull();
    expect(keyedHour('')).toBeNull();
    expect(keyedHour('123')).toBeNull();
  });

  it('takes a Lao number keyed the local way or with its country code, refuses the rest', () => {
    expect(keyedNumber('02055512345')).toBe('+8562055512345');
    expect(keyedNumber('021212345')).toBe('+85621212345');
    expect(keyedNumber('8562055512345#')).toBe('+8562055512345');
    expect(keyedNumber('0066812345678')).toBe('+66812345678');
    expect(keyedNumber('12345')).toBeNull();
    expect(keyedNumber('0123')).toBeNull();
    expect(keyedNumber('')).toBeNull();
    expect(keyedNumber('020555*1')).toBeNull();
    expect(lastDigits('+8562055512345')).toBe('2345');
  });
});

describe("the caller's safe time", () => {
  it('finds the next time the local clock shows the hour, today or tomorrow', () => {
    expect(nextLocalHour(NOW, 17, TZ)).toBe(Date.UTC(2026, 11, 5, 10, 0));
    expect(nextLocalHour(NOW, 8, TZ)).toBe(Date.UTC(2026, 11, 6, 1, 0));
    // The hour already begun counts from tomorrow.
    expect(nextLocalHour(NOW, 10, TZ)).toBe(Date.UTC(2026, 11, 6, 3, 0));
  });

  it('offers only inside the window: held before it, held for a person after it', () => {
    const any = resolveWindow({ kind: 'any' }, NOW, TZ);
    expect(any).toEqual({ safeFrom: null, safeUntil: null });
    expect(windowState(any, NOW + 100 * 3600_000)).toBe('inside');

    const until = resolveWindow({ kind: 'until', hour: 17 }, NOW, TZ);
    expect(windowState(until, NOW)).toBe('inside');
    expect(windowState(until, Date.UTC(2026, 11, 5, 10, 0))).toBe('ended');

    const from = resolveWindow({ kind: 'from', hour: 19 }, NOW, TZ);
    expect(windowState(from, NOW)).toBe('not-yet');
    expect(windowState(from, Date.UTC(2026, 11, 5, 12, 0))).toBe('inside');
    expect(windowState(from, Date.UTC(2026, 11, 7, 12, 0))).toBe('inside');
  });
});
