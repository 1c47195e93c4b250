import { describe, expect, it } from 'vitest';
import { staffRoles } from '../../../src/contracts/staff-users';
import { secondFactorRequired } from '../../../src/modules/auth/second-factor.policy';

describe('secondFactorRequired', () => {
  it('asks every staff role for a second factor when no role is exempted', () => {
    expect(staffRoles.filter((role) => !secondFactorRequired(role, new Set()))).toEqual([]);
  });

  it('lets only the exempted role sign in with a password alone', () => {
    const exempt = new Set(['statistician'] as const);
    expect(staffRoles.filter((role) => !secondFactorRequired(role, exempt))).toEqual([
      'statistician',
    ]);
  });
});
