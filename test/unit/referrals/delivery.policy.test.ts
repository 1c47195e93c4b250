import { describe, expect, it } from 'vitest';
import {
  signWebhook,
  verifyWebhook,
} from '../../../src/modules/referrals/delivery/webhook-signature.policy';
import { verdictFor } from '../../../src/modules/referrals/delivery/retry.policy';
import { subjectForPartner } from '../../../src/modules/referrals/partner-view.policy';
import { subject } from '../../fixtures/referrals';

describe('webhook signature', () => {
  const body = JSON.stringify({ ticketId: 't1' });
  it('verifies what it signed and nothing else', () => {
    const header = signWebhook('s3cret', body, 1_800_000_000);
    expect(verifyWebhook('s3cret', body, header, 1_800_000_010)).toBe(true);
    expect(verifyWebhook('other', body, header, 1_800_000_010)).toBe(false);
    expect(verifyWebhook('s3cret', `${body} `, header, 1_800_000_010)).toBe(false);
  });
  it('rejects a replay long after the timestamp', () => {
    const header = signWebhook('s3cret', body, 1_800_000_000);
    expect(verifyWebhook('s3cret', body, header, 1_800_001_000)).toBe(false);
  });
});

describe('retry verdict', () => {
  it('gives up on 4xx except 408/429, retries 5xx and network errors', () => {
    expect([200, 204, 400, 401, 409, 408, 429, 500, 503, null].map(verdictFor)).toEqual([
      'delivered',
      'delivered',
      'give_up',
      'give_up',
      'give_up',
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
    ]);
  });
});

describe('partner view', () => {
  it('shows a health partner no nationality or exploitation history', () => {
    const view = subjectForPartner('health', subject({ nationality: 'VN' }));
    expect(view).not.toHaveProperty('nationality');
    expect(view).not.toHaveProperty('exploitationForms');
    expect(view.sex).toBe('female');
  });
});
