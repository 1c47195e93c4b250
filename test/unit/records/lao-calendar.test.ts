import { describe, expect, it } from 'vitest';
import { laoToday } from '../../../src/modules/hotlines/lao-calendar';

describe('the Lao calendar day', () => {
  it('turns at midnight in Vientiane, 17:00 UTC', () => {
    expect(laoToday(new Date('2026-12-04T16:59:59Z'))).toBe('2026-12-04');
    expect(laoToday(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
  });
});
