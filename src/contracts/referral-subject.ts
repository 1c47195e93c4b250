// What a referral says about the person, and what each kind of partner is shown of it: decided
// once here, used by the referral service (what is stored and sent) and by the counsellor's
// preview in web/. Types and pure functions only: web/ imports this file.
import type { TPartnerKind } from './partner-directory';

/**
 * Routing facts about the person, copied from the case when the referral is requested. No name,
 * no contact detail: this is what routing, consent and partners may see.
 */
export type TReferralSubject = {
  sex: 'female' | 'male' | 'other' | 'unknown';
  age: number | null;
  isChild: boolean;
  nationality: string | null;
  provinceCode: string | null;
  exploitationForms: string[];
  languages: string[];
  /** Partners must bring an interpreter (absent on referrals stored before it was carried). */
  interpreterNeeded?: boolean;
};

type TSubjectField = keyof TReferralSubject;

/**
 * What each kind of partner needs to act, and nothing more. Nobody gets a name or a contact
 * detail: the subject snapshot carries none, and the hotline arranges contact itself. Every kind
 * learns the language to speak, and whether to bring an interpreter.
 */
const fieldsByKind: Record<TPartnerKind, readonly TSubjectField[]> = {
  shelter: ['sex', 'age', 'isChild', 'languages', 'provinceCode'],
  police: [
    'sex',
    'age',
    'isChild',
    'nationality',
    'provinceCode',
    'exploitationForms',
    'languages',
  ],
  labour: ['sex', 'isChild', 'nationality', 'provinceCode', 'exploitationForms', 'languages'],
  social_welfare: ['sex', 'age', 'isChild', 'provinceCode', 'languages'],
  health: ['sex', 'age', 'isChild', 'languages'],
  legal_aid: ['sex', 'isChild', 'nationality', 'exploitationForms', 'languages'],
  repatriation: ['sex', 'isChild', 'nationality', 'languages'],
  counselling: ['sex', 'isChild', 'languages'],
  ngo: ['sex', 'isChild', 'provinceCode', 'languages'],
};

export type TPartnerSubjectView = Partial<TReferralSubject>;

export function subjectForPartner(
  kind: TPartnerKind,
  subject: TReferralSubject,
): TPartnerSubjectView {
  const view: TPartnerSubjectView = {};
  for (const field of fieldsByKind[kind]) Object.assign(view, { [field]: subject[field] });
  // Nobody can help a person they cannot talk to: every partner is told.
  view.interpreterNeeded = subject.interpreterNeeded ?? false;
  return view;
}

/** The caller's language on the case (from its latest contact). */
export type TCaseLanguage = { language: string; interpreterNeeded: boolean };

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
