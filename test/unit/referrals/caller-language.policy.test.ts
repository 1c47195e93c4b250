import { describe, expect, it } from 'vitest';
import { personLanguageDefaults } from '../../../src/modules/people/person-language.policy';
import { subjectForPartner } from '../../../src/modules/referrals/partner-view.policy';
import { referralSubjectFrom } from '../../../src/modules/referrals/referral-subject.policy';

const person = {
  sex: 'female' as const,
  ageAtIdentification: 24,
  under18AtIdentification: null,
  nationalities: ['LA'],
  residenceProvinceCode: null,
  exploitationForms: ['forced_labour'],
  languages: [] as string[],
  interpreterNeeded: false,
};
const hmong = { language: 'hmn', interpreterNeeded: true };

describe("the caller's language", () => {
  it('is a new person’s language unless the counsellor gives one', () => {
    expect(personLanguageDefaults({}, hmong)).toEqual({
      languages: ['hmn'],
      interpreterNeeded: true,
    });
    expect(personLanguageDefaults({ languages: ['lo'], interpreterNeeded: false }, hmong)).toEqual({
      languages: ['lo'],
      interpreterNeeded: false,
    });
    expect(personLanguageDefaults({ languages: [] }, null)).toEqual({
      languages: [],
      interpreterNeeded: false,
    });
  });

  it('reaches the referral for a person recorded without one, and every kind of partner', () => {
    const subject = referralSubjectFrom({ person, caseProvinceCode: null, caseLanguage: hmong });
    expect(subject).toMatchObject({ languages: ['hmn'], interpreterNeeded: true });
    for (const kind of ['police', 'labour', 'shelter', 'health'] as const)
      expect(subjectForPartner(kind, subject)).toMatchObject({
        languages: ['hmn'],
        interpreterNeeded: true,
      });
    // The person's own languages win over the caller's.
    const own = referralSubjectFrom({
      person: { ...person, languages: ['kjg'] },
      caseProvinceCode: null,
      caseLanguage: hmong,
    });
    expect(own).toMatchObject({ languages: ['kjg'], interpreterNeeded: false });
  });
});
