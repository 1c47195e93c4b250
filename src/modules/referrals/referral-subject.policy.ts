import type { TReferralSubject } from '../../../db/schema/referrals';

export type TSubjectSource = {
  person: {
    sex: TReferralSubject['sex'];
    ageAtIdentification: number | null;
    under18AtIdentification: boolean | null;
    nationalities: string[];
    residenceProvinceCode: string | null;
    exploitationForms: string[];
    languages: string[];
  };
  caseProvinceCode: string | null;
};

/**
 * The routing facts copied from the person record onto the referral — never from the form, and
 * never a name or a contact detail. A person whose age is unknown but flagged under 18 counts as
 * a child (the protective reading).
 */
export function referralSubjectFrom(source: TSubjectSource): TReferralSubject {
  const { person } = source;
  const age = person.ageAtIdentification;
  return {
    sex: person.sex,
    age,
    isChild: person.under18AtIdentification ?? (age !== null && age < 18),
    nationality: person.nationalities[0] ?? null,
    provinceCode: person.residenceProvinceCode ?? source.caseProvinceCode,
    exploitationForms: person.exploitationForms,
    languages: person.languages,
  };
}
