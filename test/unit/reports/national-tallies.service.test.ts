import { describe, expect, it } from 'vitest';
import {
  calendarYearOf,
  isCalendarQuarter,
} from '../../../src/modules/reports/national-tallies.service';

describe('which national reports the yearly aggregate serves', () => {
  it('serves exactly one calendar year, nothing shorter, longer or shifted', () => {
    expect(calendarYearOf({ from: '2025-01-01', to: '2025-12-31' })).toBe(2025);
    expect(calendarYearOf({ from: '2025-01-01', to: '2025-03-31' })).toBeNull();
    expect(calendarYearOf({ from: '2025-01-02', to: '2026-01-01' })).toBeNull();
    expect(calendarYearOf({ from: '2024-01-01', to: '2025-12-31' })).toBeNull();
  });
});

describe('which national reports the quarter cells serve', () => {
  it('serves exactly one calendar quarter, not three months starting elsewhere or a cut range', () => {
    for (const [from, to] of [
      ['2025-01-01', '2025-03-31'],
      ['2025-04-01', '2025-06-30'],
      ['2025-07-01', '2025-09-30'],
      ['2024-10-01', '2024-12-31'],
    ] as const)
      expect(isCalendarQuarter({ from, to })).toBe(true);
    for (const [from, to] of [
      ['2025-02-01', '2025-04-30'],
      ['2024-11-01', '2025-01-31'],
      ['2025-04-01', '2025-06-29'],
      ['2025-03-31', '2025-06-30'],
      ['2025-04-01', '2025-04-30'],
      ['2025-04-01', '2025-09-30'],
      ['2025-01-01', '2025-12-31'],
      ['2025-10-01', '2026-03-31'],
    ] as const)
      expect(isCalendarQuarter({ from, to })).toBe(false);
  });
});
