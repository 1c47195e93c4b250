import type { TPartnerKind } from '../../../db/schema/partners';
import type { TReferralSubject } from '../../../db/schema/referrals';

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
  const view: Record<string, unknown> = {};
  for (const field of fieldsByKind[kind]) view[field] = subject[field];
  // Nobody can help a person they cannot talk to: every partner is told.
  view.interpreterNeeded = subject.interpreterNeeded ?? false;
  return view as TPartnerSubjectView;
}
