import type {
  safeToTalkAnswers,
  TContactChannel,
} from '../../../../../src/contracts/contact-vocabulary';

/** Everything the counsellor types about one contact; saved as a draft while they type. */
export type TContactDraft = {
  callerName: string;
  callerPhone: string;
  callerType: string;
  callerProvinceCode: string;
  language: string;
  interpreterUsed: boolean;
  interpreterNeeded: boolean;
  contactType: string;
  categoryCode: string;
  /** Child Helpline International's reasons for contact, where the hotline's form asks them. */
  contactReasons?: string[];
  channel: Extract<TContactChannel, 'call' | 'call_back' | 'walk_in' | 'field_visit' | 'chat'>;
  occurredAt: string;
  safeToTalk: (typeof safeToTalkAnswers)[number];
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
    interpreterNeeded: false,
    contactType: 'crisis',
    categoryCode: '',
    contactReasons: [],
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

export { callerTypes, contactTypes } from '../../../../../src/contracts/contact-vocabulary';
