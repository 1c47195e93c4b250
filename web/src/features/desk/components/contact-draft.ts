/** Everything the counsellor types about one contact; saved as a draft while they type. */
export type TContactDraft = {
  callerName: string;
  callerPhone: string;
  callerType: string;
  callerProvinceCode: string;
  language: string;
  interpreterUsed: boolean;
  contactType: string;
  categoryCode: string;
  channel: 'call' | 'call_back' | 'walk_in' | 'field_visit';
  occurredAt: string;
  safeToTalk: 'yes' | 'no' | 'unknown';
  safeCallbackWindow: string;
  codeWord: string;
  noSms: boolean;
  noVoicemail: boolean;
  summary: string;
  caseChoice: 'new' | 'existing' | 'none';
  caseCode: string;
};

export function emptyDraft(channel: TContactDraft['channel'], language: string): TContactDraft {
  return {
    callerName: '',
    callerPhone: '',
    callerType: 'self',
    callerProvinceCode: '',
    language,
    interpreterUsed: false,
    contactType: 'crisis',
    categoryCode: '',
    channel,
    occurredAt: '',
    safeToTalk: 'unknown',
    safeCallbackWindow: '',
    codeWord: '',
    noSms: false,
    noVoicemail: false,
    summary: '',
    caseChoice: 'new',
    caseCode: '',
  };
}

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
