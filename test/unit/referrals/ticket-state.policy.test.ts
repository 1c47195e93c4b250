import { describe, expect, it } from 'vitest';
import { ticketStates, type TTicketState } from '../../../db/schema/tickets';
import {
  nextTicketState,
  type TTicketEvent,
} from '../../../src/modules/referrals/tickets/ticket-state.policy';

const walk = (events: TTicketEvent[]): TTicketState => {
  let state: TTicketState = 'pending';
  for (const e of events) {
    const t = nextTicketState({ state }, e, e.type === 'withdraw' ? 'hotline' : 'partner');
    if (!t.ok) throw new Error(`${e.type} from ${state}: ${t.error}`);
    state = t.state;
  }
  return state;
};

describe('nextTicketState', () => {
  it('follows the happy path with a hold in the middle', () => {
    expect(
      walk([
        { type: 'acknowledge' },
        { type: 'accept' },
        { type: 'start' },
        { type: 'hold' },
        { type: 'resume' },
        { type: 'complete', outcome: 'reintegrated' },
      ]),
    ).toBe('completed');
  });

  it('needs a reason to decline and an outcome to complete', () => {
    expect(
      nextTicketState({ state: 'acknowledged' }, { type: 'decline', reason: ' ' }, 'partner'),
    ).toEqual({ ok: false, error: 'VALIDATION_FAILED' });
    expect(
      nextTicketState({ state: 'acknowledged' }, { type: 'decline', reason: 'full' }, 'partner'),
    ).toEqual({ ok: true, state: 'declined' });
    expect(
      nextTicketState({ state: 'in_progress' }, { type: 'complete', outcome: '' }, 'partner').ok,
    ).toBe(false);
  });

  it('does not let a partner accept before acknowledging or act on a closed ticket', () => {
    expect(nextTicketState({ state: 'pending' }, { type: 'accept' }, 'partner')).toEqual({
      ok: false,
      error: 'INVALID_TRANSITION',
    });
    for (const state of ['declined', 'completed', 'withdrawn'] as const)
      expect(nextTicketState({ state }, { type: 'resume' }, 'partner').ok).toBe(false);
  });

  it('lets only the hotline withdraw, from any open state', () => {
    for (const state of ticketStates) {
      const result = nextTicketState({ state }, { type: 'withdraw' }, 'hotline');
      expect(result.ok).toBe(!['declined', 'completed', 'withdrawn'].includes(state));
    }
    expect(nextTicketState({ state: 'pending' }, { type: 'withdraw' }, 'partner')).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(nextTicketState({ state: 'pending' }, { type: 'acknowledge' }, 'hotline')).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
  });
});
