import { describe, expect, it } from 'vitest';
import {
  laoDate,
  periodInstants,
  resolvePeriod,
  ZPeriodQuery,
} from '../../../src/modules/reports/report-period.policy';

describe('report periods', () => {
  it('resolves month, quarter, year and custom periods to Lao calendar days', () => {
    expect(resolvePeriod({ period: 'month', year: 2024, month: 2 })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(resolvePeriod({ period: 'quarter', year: 2025, quarter: 4 })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(resolvePeriod({ period: 'year', year: 2025 })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(resolvePeriod({ period: 'custom', from: '2025-03-09', to: '2025-03-01' })).toEqual({
      from: '2025-03-01',
      to: '2025-03-09',
    });
  });

  it('covers the days in Lao time: 17:00 UTC on 31 December is already next year', () => {
    const { start, end } = periodInstants({ from: '2025-01-01', to: '2025-12-31' });
    expect(start.toISOString()).toBe('2024-12-31T17:00:00.000Z');
    expect(end.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(laoDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(laoDate(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
  });

  it('parses query strings and refuses an impossible month', () => {
    expect(ZPeriodQuery.parse({ period: 'month', year: '2025', month: '7' })).toEqual({
      period: 'month',
      year: 2025,
      month: 7,
    });
    expect(ZPeriodQuery.safeParse({ period: 'month', year: '2025', month: '13' }).success).toBe(
      false,
    );
    expect(
      ZPeriodQuery.safeParse({ period: 'custom', from: '2025-02-30', to: '2025-03-01' }).success,
    ).toBe(false);
  });
});
