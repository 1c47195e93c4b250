import { describe, expect, it } from 'vitest';
import { canMoveCase, nextCaseStatuses } from '../../../src/modules/cases/case-status.policy';
import { formatCaseCode } from '../../../src/modules/cases/case-code.policy';
import { currentConsents } from '../../../src/modules/consent/consent.policy';
import { ageBandOf, ageOn, personAgeFacts } from '../../../src/modules/people/person-stats.policy';
import { retentionCutoff } from '../../../src/modules/retention/retention.policy';

describe('case workflow', () => {
  it('follows open → active → follow-up → closed and allows reopening', () => {
    expect(canMoveCase('open', 'active')).toBe(true);
    expect(canMoveCase('active', 'follow_up')).toBe(true);
    expect(canMoveCase('follow_up', 'closed_referred')).toBe(true);
    expect(canMoveCase('closed', 'active')).toBe(true);
  });

  it('refuses skipping steps and staying put', () => {
    expect(canMoveCase('open', 'follow_up')).toBe(false);
    expect(canMoveCase('open', 'closed_referred')).toBe(false);
    expect(canMoveCase('active', 'active')).toBe(false);
    expect(nextCaseStatuses('closed')).toEqual(['active']);
  });

  it('formats case codes with the year and a padded sequence', () => {
    expect(formatCaseCode(2026, 42)).toBe('SD-2026-000042');
  });
});

describe('person age facts', () => {
  it('counts whole years, a birthday not yet reached this year included', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
  });

  it('flags a child at identification and at exploitation from the date of birth', () => {
    expect(
      personAgeFacts({
        dateOfBirth: '2007-03-01',
        identificationDate: '2026-01-10',
        exploitationDate: '2024-05-01',
        today: '2026-11-22',
      }),
    ).toEqual({
      ageAtIdentification: 18,
      ageBand: '18-24',
      under18AtIdentification: false,
      under18AtExploitation: true,
    });
  });

  it('uses an estimated age when there is no date of birth, and says unknown when there is neither', () => {
    expect(personAgeFacts({ ageAtIdentification: 15, today: '2026-11-22' })).toMatchObject({
      ageBand: '12-17',
      under18AtIdentification: true,
      under18AtExploitation: true,
    });
    expect(personAgeFacts({ today: '2026-11-22' })).toEqual({
      ageAtIdentification: null,
      ageBand: 'unknown',
      under18AtIdentification: null,
      under18AtExploitation: null,
    });
    expect(ageBandOf(50)).toBe('50+');
  });

  it('places the age at exploitation from an age and the day it began, unless someone said', () => {
    const since = { ageAtIdentification: 19, exploitationDate: '2023-03-01', today: '2026-11-22' };
    expect(personAgeFacts(since).under18AtExploitation).toBe(true);
    expect(personAgeFacts({ ...since, exploitationDate: '2026-01-01' }).under18AtExploitation).toBe(
      false,
    );
    expect(personAgeFacts({ ...since, under18AtExploitation: false }).under18AtExploitation).toBe(
      false,
    );
  });
});

describe('consent and retention', () => {
  it('takes the highest version per scope as the consent in force', () => {
    const current = currentConsents([
      { scope: 'report_to_police', version: 1, granted: true },
      { scope: 'report_to_police', version: 2, granted: false },
      { scope: 'follow_up_contact', version: 1, granted: true },
    ]);
    expect(current).toEqual([
      { scope: 'report_to_police', version: 2, granted: false },
      { scope: 'follow_up_contact', version: 1, granted: true },
    ]);
  });

  it('keeps forever without a retention period', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(retentionCutoff(now, null)).toBeNull();
    expect(retentionCutoff(now, 10)?.toISOString()).toBe('2026-11-12T00:00:00.000Z');
  });
});
