// Contact vocabulary shared by the database schema, the staff API and the counsellor's desk.
// Plain constants only: web/ imports this file, so nothing server-side may be imported here.

export const contactChannels = [
  'call',
  'call_back',
  'walk_in',
  'field_visit',
  'sms',
  'chat',
] as const;
export const callerTypes = [
  'self',
  'family_or_friend',
  'community_member',
  'employer',
  'authority',
  'ngo',
  'unknown',
] as const;
export const contactTypes = [
  'crisis',
  'tip',
  'referral_request',
  'information',
  'follow_up',
  'silent',
  'prank',
  'wrong_number',
  'abusive',
  'hang_up',
] as const;
export const safeToTalkAnswers = ['yes', 'no', 'unknown'] as const;
export type TContactChannel = (typeof contactChannels)[number];
