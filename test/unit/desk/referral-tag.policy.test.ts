import { describe, expect, it } from 'vitest';
import { referralTag } from '../../../web/src/features/desk/components/referral-tag.policy';

const ticket = (state: string) => ({ state });
const hold = (status: string) => ({ status });

describe('the referral tag follows its partners', () => {
  it('says withdrawn, not sent, when the only ticket was withdrawn', () => {
    expect(referralTag({ status: 'dispatched', tickets: [ticket('withdrawn')], holds: [] })).toBe(
      'withdrawn',
    );
  });

  it('says partly withdrawn when one of two partners still has it', () => {
    expect(
      referralTag({
        status: 'dispatched',
        tickets: [ticket('withdrawn'), ticket('accepted')],
        holds: [],
      }),
    ).toBe('partly_withdrawn');
  });

  it('says held back when nothing went out and a partner waits for consent', () => {
    expect(
      referralTag({ status: 'dispatched', tickets: [ticket('withdrawn')], holds: [hold('held')] }),
    ).toBe('blocked_consent');
    expect(
      referralTag({ status: 'dispatched', tickets: [ticket('pending')], holds: [hold('held')] }),
    ).toBe('partly_held');
  });

  it('says sent while every partner has it, and keeps other statuses as they are', () => {
    expect(
      referralTag({
        status: 'dispatched',
        tickets: [ticket('pending')],
        holds: [hold('released')],
      }),
    ).toBe('dispatched');
    expect(referralTag({ status: 'stored', tickets: [], holds: [] })).toBe('stored');
  });
});
