import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isTerminal,
  nextCallState,
  type TCallState,
  type TCallStatus,
} from '../../../src/modules/voice/calls/call-state.policy';

const start: TCallState = { status: 'ringing', lastSequence: -1 };

function applyAll(events: Array<{ status: TCallStatus; sequenceNumber: number }>): TCallState {
  return events.reduce<TCallState>((s, e) => {
    const { changed: _changed, ...next } = nextCallState(s, e);
    return next;
  }, start);
}

describe('call state machine', () => {
  it('moves forward through a normal call', () => {
    const s1 = nextCallState(start, { status: 'in-progress', sequenceNumber: 0 });
    expect(s1).toEqual({ status: 'in-progress', lastSequence: 0, changed: true });
    const s2 = nextCallState(s1, { status: 'completed', sequenceNumber: 1 });
    expect(s2).toEqual({ status: 'completed', lastSequence: 1, changed: true });
  });

  it('ignores a duplicate and an older sequence number', () => {
    const s = { status: 'in-progress' as const, lastSequence: 3 };
    expect(nextCallState(s, { status: 'completed', sequenceNumber: 3 }).changed).toBe(false);
    expect(nextCallState(s, { status: 'completed', sequenceNumber: 2 }).changed).toBe(false);
  });

  it('never leaves a terminal state', () => {
    const done = { status: 'completed' as const, lastSequence: 1 };
    expect(nextCallState(done, { status: 'in-progress', sequenceNumber: 9 })).toEqual({
      ...done,
      changed: false,
    });
  });

  it('does not move backwards without sequence numbers', () => {
    const s = { status: 'in-progress' as const, lastSequence: -1 };
    expect(nextCallState(s, { status: 'ringing' }).changed).toBe(false);
  });

  it('any delivery order with duplicates ends where the in-order delivery ends', () => {
    const lifecycle = fc
      .constantFrom<TCallStatus[]>(
        ['ringing', 'in-progress', 'completed'],
        ['ringing', 'no-answer'],
        ['queued', 'ringing', 'busy'],
        ['initiated', 'ringing', 'in-progress', 'failed'],
      )
      .map((statuses) => statuses.map((status, sequenceNumber) => ({ status, sequenceNumber })));
    fc.assert(
      fc.property(
        lifecycle.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray([...events, ...events], { minLength: 2 * events.length }),
          ),
        ),
        ([events, delivered]) => {
          const inOrder = applyAll(events);
          const shuffled = applyAll(delivered);
          expect(isTerminal(shuffled.status)).toBe(true);
          expect(shuffled.status).toBe(inOrder.status);
        },
      ),
    );
  });
});
