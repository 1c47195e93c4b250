// Case lifecycle vocabulary, shared by the schema, the API and the desk in web/. Constants
// only: web/ imports this file.

/** Why a case was closed (fixed list: statistics count them; 'other' needs a note). */
export const caseClosureReasons = [
  'resolved',
  'referred_followed_up',
  'no_contact_possible',
  'declined_services',
  'duplicate',
  'other',
] as const;
export type TCaseClosureReason = (typeof caseClosureReasons)[number];

/** Why a closed case was opened again ('other' needs a note). */
export const caseReopenReasons = [
  'new_contact',
  'new_information',
  'closed_in_error',
  'other',
] as const;
export type TCaseReopenReason = (typeof caseReopenReasons)[number];
