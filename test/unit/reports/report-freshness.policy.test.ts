import { describe, expect, it } from 'vitest';
import {
  freshnessNotes,
  laoMinute,
  reportFreshness,
} from '../../../src/modules/reports/report-freshness.policy';

describe('what a report says about how current its figures are', () => {
  it('gives the refresh time of the aggregates it read, or the request time for direct figures', () => {
    const now = new Date('2026-12-05T09:00:00.000Z');
    expect(reportFreshness({ asOf: '2026-12-05T08:58:00.000Z', updating: true }, now)).toEqual({
      asOf: '2026-12-05T08:58:00.000Z',
      updating: true,
    });
    expect(reportFreshness(null, now)).toEqual({ asOf: now.toISOString(), updating: false });
  });

  it('prints the time in Lao time, across midnight too', () => {
    expect(laoMinute('2026-12-05T08:58:30.000Z')).toBe('2026-12-05 15:58');
    expect(laoMinute('2026-12-31T17:30:00.000Z')).toBe('2027-01-01 00:30');
  });

  it('tells the reader of a file the figures lag, in both languages, only when they do', () => {
    const current = freshnessNotes({ asOf: '2026-12-05T08:58:00.000Z', updating: false });
    expect(current).toEqual([
      {
        lo: 'ຕົວເລກນັບຮອດ 2026-12-05 15:58 (ເວລາລາວ)',
        en: 'Figures as of 2026-12-05 15:58 (Lao time)',
      },
    ]);
    const lagging = freshnessNotes({ asOf: '2026-12-05T08:58:00.000Z', updating: true });
    expect(lagging).toHaveLength(2);
    expect(lagging[1]?.en).toContain('not counted yet');
    expect(lagging[1]?.lo).toMatch(/[\u0E80-\u0EFF]/);
    expect(freshnessNotes(undefined)).toEqual([]);
  });
});
