import type { TAnswerOn } from '../../../db/schema/staff';

/** Where a counsellor's accepted calls ring, and the mobile number if they have one. */
export type TAnswerSetting = { answerOn: TAnswerOn; mobile: string | null };

export type TAnswerChange = {
  answerOn?: TAnswerOn | undefined;
  mobile?: string | null | undefined;
};

/**
 * The setting after a change, or why it cannot be made. Answering on a mobile without a
 * number would leave every accepted caller ringing nowhere, so that combination is refused
 * (removing the number while answering on it is refused the same way).
 */
export function nextAnswerSetting(
  current: TAnswerSetting,
  change: TAnswerChange,
): { ok: true; value: TAnswerSetting } | { ok: false; reason: 'mobile-required' } {
  const value: TAnswerSetting = {
    answerOn: change.answerOn ?? current.answerOn,
    mobile: change.mobile === undefined ? current.mobile : change.mobile,
  };
  if (value.answerOn === 'mobile' && !value.mobile) return { ok: false, reason: 'mobile-required' };
  return { ok: true, value };
}

/** What an administrator is shown of someone's mobile: its last three digits only. */
export function mobileEnding(mobile: string | null): string | null {
  return mobile ? mobile.slice(-3) : null;
}
