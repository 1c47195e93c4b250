import { describe, expect, it } from 'vitest';
import {
  intakeAccepts,
  partnersForReferral,
  type TRoutableUnit,
} from '../../../src/modules/referrals/rules/routing-rules.policy';
import { rule, subject } from '../../fixtures/referrals';

const anyone = { sexes: [], minAge: null, maxAge: null, nationalities: [] };
const units = new Map<string, TRoutableUnit>(
  [
    'shelter-vt',
    'shelter-national',
    'police-vt',
    'police-national',
    'labour',
    'child-shelter',
    'closed',
  ].map((id) => [id, { id, active: id !== 'closed', intake: anyone }]),
);
units.set('child-shelter', {
  id: 'child-shelter',
  active: true,
  intake: { ...anyone, maxAge: 17 },
});

describe('partnersForReferral', () => {
  it('prefers the rule for the province over the national one', () => {
    const rules = [
      rule({ need: 'shelter', unitId: 'shelter-national' }),
      rule({ need: 'shelter', unitId: 'shelter-vt', provinceCode: 'LA-VT' }),
    ];
    const d = partnersForReferral(rules, units, { needs: ['shelter'], subject: subject() });
    expect(d.units.map((u) => u.unitId)).toEqual(['shelter-vt']);
    const elsewhere = partnersForReferral(rules, units, {
      needs: ['shelter'],
      subject: subject({ provinceCode: 'LA-CH' }),
    });
    expect(elsewhere.units.map((u) => u.unitId)).toEqual(['shelter-national']);
  });

  it('sends a child to the child shelter and an adult elsewhere', () => {
    const rules = [
      rule({ need: 'shelter', unitId: 'shelter-national' }),
      rule({ need: 'shelter', unitId: 'child-shelter', ageGroup: 'child' }),
    ];
    const child = subject({ age: 15, isChild: true });
    expect(
      partnersForReferral(rules, units, { needs: ['shelter'], subject: child }).units[0]?.unitId,
    ).toBe('child-shelter');
    expect(
      partnersForReferral(rules, units, { needs: ['shelter'], subject: subject() }).units[0]
        ?.unitId,
    ).toBe('shelter-national');
  });

  it('skips a unit whose intake criteria exclude the person even if its rule matches', () => {
    const rules = [
      rule({ need: 'shelter', unitId: 'child-shelter', sex: 'female' }),
      rule({ need: 'shelter', unitId: 'shelter-national' }),
    ];
    const d = partnersForReferral(rules, units, { needs: ['shelter'], subject: subject() });
    expect(d.units[0]?.unitId).toBe('shelter-national');
  });

  it('matches "foreign" nationality and a form of exploitation', () => {
    const rules = [
      rule({ need: 'police', unitId: 'police-national' }),
      rule({
        need: 'police',
        unitId: 'police-vt',
        nationality: 'foreign',
        exploitationForm: 'sexual_exploitation',
      }),
    ];
    const foreigner = subject({ nationality: 'VN', exploitationForms: ['sexual_exploitation'] });
    expect(
      partnersForReferral(rules, units, { needs: ['police'], subject: foreigner }).units[0]?.unitId,
    ).toBe('police-vt');
    expect(
      partnersForReferral(rules, units, {
        needs: ['police'],
        subject: subject({ exploitationForms: ['sexual_exploitation'] }),
      }).units[0]?.unitId,
    ).toBe('police-national');
  });

  it('merges needs served by one unit into one ticket and reports needs nobody serves', () => {
    const rules = [
      rule({ need: 'shelter', unitId: 'shelter-vt', alternateUnitId: 'shelter-national' }),
      rule({ need: 'psychosocial', unitId: 'shelter-vt' }),
      rule({ need: 'labour', unitId: 'closed' }),
    ];
    const d = partnersForReferral(rules, units, {
      needs: ['shelter', 'psychosocial', 'labour', 'repatriation'],
      subject: subject(),
    });
    expect(d.units).toEqual([
      expect.objectContaining({
        unitId: 'shelter-vt',
        alternateUnitId: 'shelter-national',
        needs: ['shelter', 'psychosocial'],
      }),
    ]);
    expect(d.unrouted).toEqual(['labour', 'repatriation']);
  });

  it('uses rank to break a tie and ignores inactive rules', () => {
    const rules = [
      rule({ need: 'labour', unitId: 'shelter-vt', rank: 50, active: false }),
      rule({ need: 'labour', unitId: 'labour', rank: 20 }),
      rule({ need: 'labour', unitId: 'shelter-national', rank: 30 }),
    ];
    expect(
      partnersForReferral(rules, units, { needs: ['labour'], subject: subject() }).units[0]?.unitId,
    ).toBe('labour');
  });
});

describe('intakeAccepts', () => {
  it('needs a known age when the unit has an age limit', () => {
    const intake = { ...anyone, minAge: 18 };
    expect(intakeAccepts(intake, subject({ age: null }))).toBe(false);
    expect(intakeAccepts(intake, subject({ age: 30 }))).toBe(true);
  });
  it('checks sex and nationality lists', () => {
    expect(intakeAccepts({ ...anyone, sexes: ['female'] }, subject({ sex: 'male' }))).toBe(false);
    expect(
      intakeAccepts({ ...anyone, nationalities: ['LA'] }, subject({ nationality: 'TH' })),
    ).toBe(false);
  });
});
