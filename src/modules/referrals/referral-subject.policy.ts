import type { TReferralSubject } from '../../../db/schema/referrals';
import type { TCaseLanguage } from '../contacts/contact-language.repository';

export type TSubjectSource = {
  person: {
    sex: TReferralSubject['sex'];
    ageAtIdentification: number | null;
    under18AtIdentification: boolean | null;
    nationalities: string[];
    residenceProvinceCode: string | null;
    exploitationForms: string[];
    languages: string[];
    interpreterNeeded: boolean;
  };
  caseProvinceCode: string | null;
  /** The caller's language on the case, for a person recorded without one. */
  caseLanguage?: TCaseLanguage | null;
};

/**
 * The routing facts copied from the person record onto the referral — never from the form, and
 * never a name or a contact detail. A person whose age is unknown but flagged under 18 counts as
 * a child (the protective reading). Every partner learns the language to speak and whether to
 * bring an interpreter; a person recorded without a language speaks the caller's.
 */
export function referralSubjectFrom(source: TSubjectSource): TReferralSubject {
  const { person } = source;
  const age = person.ageAtIdentification;
  const fromCase = person.languages.length ? null : (source.caseLanguage ?? null);
  return {
    sex: person.sex,
    age,
    isChild: person.under18AtIdentification ?? (age !== null && age < 18),
    nationality: person.nationalities[0] ?? null,
    provinceCode: person.residenceProvinceCode ?? source.caseProvinceCode,
    exploitationForms: person.exploitationForms,
    languages: fromCase ? [fromCase.language] : person.languages,
    interpreterNeeded: person.interpreterNeeded || (fromCase?.interpreterNeeded ?? false),
  };
}
