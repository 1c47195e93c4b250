import { describe, expect, it } from 'vitest';
import {
  partnerSmsBody,
  smsLanguage,
} from '../../../src/modules/referrals/delivery/sms-text.policy';

describe('the partner SMS text', () => {
  it('is Lao by default, with the urgency in Lao and no English word before the link', () => {
    const body = partnerSmsBody({
      language: smsLanguage([]),
      overdue: false,
      priority: 'urgent',
      link: 'https://x.test/partner/link#t',
    });
    expect(body).toBe('ສາຍດ່ວນ: ມີການສົ່ງຕໍ່ໃໝ່ (ຮີບດ່ວນ). ເປີດ: https://x.test/partner/link#t');
    expect(smsLanguage(['lo', 'en'])).toBe('lo');
  });

  it("follows the unit's language when it is set to English, and says when it is overdue", () => {
    expect(
      partnerSmsBody({
        language: smsLanguage(['en']),
        overdue: true,
        priority: 'emergency',
        link: 'L',
      }),
    ).toBe('Saiduan: overdue referral (emergency). Open: L');
  });
});
