import { describe, expect, it } from 'vitest';
import { calendarYearOf } from '../../../src/modules/reports/national-tallies.service';

describe('which national reports the yearly aggregate serves', () => {
  it('serves exactly one calendar year, nothing shorter, longer or shifted', () => {
    expect(calendarYearOf({ from: '2025-01-01', to: '2025-12-31' })).toBe(2025);
    expect(calendarYearOf({ from: '2025-01-01', to: '2025-03-31' })).toBeNull();
    expect(calendarYearOf({ from: '2025-01-02', to: '2026-01-01' })).toBeNull();
    expect(calendarYearOf({ from: '2024-01-01', to: '2025-12-31' })).toBeNull();
  });
});
