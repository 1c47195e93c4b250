import { describe, expect, it } from 'vitest';
import type { TPartnerHours } from '../../../db/schema/partners';
import {
  addOpenMinutes,
  nextOpenMoment,
} from '../../../src/modules/referrals/tickets/partner-calendar.policy';
import { laoTime } from '../../fixtures/referrals';

type TSpan = [string, string];
const every = (...spans: TSpan[]): TPartnerHours['weekly'] =>
  Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, spans]));
const hours = (weekly: TPartnerHours['weekly'], holidays: string[] = []): TPartnerHours => ({
  alwaysOpen: false,
  weekly,
  holidays,
});

describe('partner hours that cross midnight', () => {
  // A night shelter intake desk, open 20:00–06:00 every night (Lao time).
  const nightDesk = hours(every(['20:00', '06:00']));

  it('keeps counting past midnight within the same night shift', () => {
    expect(addOpenMinutes(nightDesk, laoTime('2026-11-24T23:30:00'), 60)).toEqual(
      laoTime('2026-11-25T00:30:00'),
    );
  });

  it('is open in the small hours on the shift that began the evening before', () => {
    expect(nextOpenMoment(nightDesk, laoTime('2026-11-25T03:00:00'))).toEqual(
      laoTime('2026-11-25T03:00:00'),
    );
    expect(nextOpenMoment(nightDesk, laoTime('2026-11-25T10:00:00'))).toEqual(
      laoTime('2026-11-25T20:00:00'),
    );
  });

  it('carries what is left at 06:00 over to the next evening', () => {
    // 30 minutes before closing, 60 needed → 30 more from 20:00.
    expect(addOpenMinutes(nightDesk, laoTime('2026-11-25T05:30:00'), 60)).toEqual(
      laoTime('2026-11-25T20:30:00'),
    );
  });

  it('treats a shift as belonging to the day it opens on, for weekdays and holidays', () => {
    const weeknights: TPartnerHours['weekly'] = Object.fromEntries(
      ['1', '2', '3', '4', '5'].map((d) => [d, [['20:00', '06:00']] as TSpan[]]),
    );
    // Friday night's shift runs into Saturday morning; nothing opens on Saturday or Sunday.
    expect(nextOpenMoment(hours(weeknights), laoTime('2026-11-21T03:00:00'))).toEqual(
      laoTime('2026-11-21T03:00:00'),
    );
    expect(nextOpenMoment(hours(weeknights), laoTime('2026-11-22T03:00:00'))).toEqual(
      laoTime('2026-11-23T20:00:00'),
    );
    // A holiday on Tuesday cancels Tuesday night's shift but not Monday night's.
    const withHoliday = hours(weeknights, ['2026-11-24']);
    expect(nextOpenMoment(withHoliday, laoTime('2026-11-24T05:00:00'))).toEqual(
      laoTime('2026-11-24T05:00:00'),
    );
    expect(addOpenMinutes(withHoliday, laoTime('2026-11-24T05:00:00'), 90)).toEqual(
      laoTime('2026-11-25T20:30:00'),
    );
  });

  it('counts overlapping day and night shifts once', () => {
    const covered = hours(every(['07:00', '19:00'], ['18:00', '08:00']));
    expect(addOpenMinutes(covered, laoTime('2026-11-25T07:00:00'), 120)).toEqual(
      laoTime('2026-11-25T09:00:00'),
    );
    // Back to back, the two shifts are open around the clock.
    const roundTheClock = hours(every(['06:00', '20:00'], ['20:00', '06:00']));
    expect(addOpenMinutes(roundTheClock, laoTime('2026-11-25T19:50:00'), 30)).toEqual(
      laoTime('2026-11-25T20:20:00'),
    );
    expect(addOpenMinutes(roundTheClock, laoTime('2026-11-25T05:50:00'), 30)).toEqual(
      laoTime('2026-11-25T06:20:00'),
    );
  });

  it('accepts a night shift closing at midnight written as 00:00 or 24:00', () => {
    for (const close of ['00:00', '24:00'])
      expect(
        addOpenMinutes(hours(every(['22:00', close])), laoTime('2026-11-25T23:30:00'), 60),
      ).toEqual(laoTime('2026-11-26T22:30:00'));
  });
});
