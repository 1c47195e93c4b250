import { describe, expect, it } from 'vitest';
import {
  countByState,
  hotlineFigures,
  occupancy,
} from '../../../src/modules/routing/figures.policy';

const tally = {
  hotline: '1362',
  offered: 12,
  answered: 8,
  abandoned: 4,
  shortAbandoned: 2,
  answeredWithin20s: 6,
  speedOfAnswerSumS: 80,
  handleSumS: 2400,
  handled: 6,
  leftInMenu: 3,
};

describe('supervisor figures', () => {
  it('leaves short abandons out of the service level and averages over answered calls', () => {
    expect(hotlineFigures(tally)).toMatchObject({
      serviceLevel: 6 / (8 + 4 - 2),
      averageSpeedOfAnswerS: 10,
      averageHandleTimeS: 400,
      leftInMenu: 3,
    });
  });

  it('reports no rates rather than zero when nothing happened yet', () => {
    const empty = {
      ...tally,
      offered: 0,
      answered: 0,
      abandoned: 0,
      shortAbandoned: 0,
      answeredWithin20s: 0,
      handled: 0,
    };
    expect(hotlineFigures(empty)).toMatchObject({
      serviceLevel: null,
      averageSpeedOfAnswerS: null,
      averageHandleTimeS: null,
    });
  });

  it('computes occupancy over counsellors who could take calls, away and offline excluded', () => {
    const counts = countByState(['on_call', 'wrap_up', 'available', 'offered', 'away', 'offline']);
    expect(counts.on_call).toBe(1);
    expect(occupancy(counts)).toBe(0.5);
    expect(occupancy(countByState(['away']))).toBeNull();
  });
});
