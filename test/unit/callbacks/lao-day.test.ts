import { describe, expect, it } from 'vitest';
import { laoDaysBetween } from '../../../web/src/shared/format/lao-day';

const lao = (iso: string) => new Date(`${iso}+07:00`);

describe('"today" and "tomorrow" beside a call-back’s next safe time', () => {
  it('counts Vientiane days, not UTC dates', () => {
    // 01:02 on the 5th in Vientiane is still the 4th in UTC; 23:30 that evening is the same Lao day.
    expect(laoDaysBetween(lao('2026-12-05T01:02'), lao('2026-12-05T23:30'))).toBe(0);
    // 23:30 on the 4th: 11:20 the next morning is tomorrow, though both are the 4th in UTC.
    expect(laoDaysBetween(lao('2026-12-04T23:30'), lao('2026-12-05T06:20'))).toBe(1);
    expect(laoDaysBetween(lao('2026-12-31T12:00'), lao('2027-01-01T00:00'))).toBe(1);
  });
});
