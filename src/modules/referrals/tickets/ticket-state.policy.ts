import type { TTicketState } from '../../../../db/schema/tickets';

export type TTicketEvent =
  | { type: 'acknowledge' }
  | { type: 'accept' }
  | { type: 'decline'; reason: string }
  | { type: 'start' }
  | { type: 'hold' }
  | { type: 'resume' }
  | { type: 'complete'; outcome: string }
  | { type: 'withdraw'; reason?: string };

/** One change to a ticket: a move in its life, a note, or a service given. */
export type TTicketChange =
  | { kind: 'transition'; event: TTicketEvent; note?: string }
  | { kind: 'note'; note: string }
  | {
      kind: 'service';
      service: string;
      givenOn: string;
      quantity: number;
      endsOn?: string;
      note?: string;
    };

export type TTicketActorSide = 'partner' | 'hotline';

export type TTransition =
  | { ok: true; state: TTicketState }
  | { ok: false; error: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED' };

export const terminalStates: ReadonlySet<TTicketState> = new Set([
  'declined',
  'completed',
  'withdrawn',
]);

const partnerMoves: Record<string, Partial<Record<TTicketState, TTicketState>>> = {
  acknowledge: { pending: 'acknowledged' },
  accept: { acknowledged: 'accepted' },
  decline: { acknowledged: 'declined' },
  start: { accepted: 'in_progress' },
  hold: { accepted: 'on_hold', in_progress: 'on_hold' },
  resume: { on_hold: 'in_progress' },
  complete: { accepted: 'completed', in_progress: 'completed' },
};

/**
 * The ticket lifecycle: pending → acknowledged → accepted | declined(reason) → in_progress ⇄
 * on_hold → completed(outcome); the hotline may withdraw any open ticket. Partners move their
 * own tickets forward; only the hotline withdraws.
 */
export function nextTicketState(
  ticket: { state: TTicketState },
  event: TTicketEvent,
  side: TTicketActorSide,
): TTransition {
  if (event.type === 'withdraw') {
    if (side !== 'hotline') return { ok: false, error: 'FORBIDDEN' };
    return terminalStates.has(ticket.state)
      ? { ok: false, error: 'INVALID_TRANSITION' }
      : { ok: true, state: 'withdrawn' };
  }
  if (side !== 'partner') return { ok: false, error: 'FORBIDDEN' };
  if (event.type === 'decline' && !event.reason.trim())
    return { ok: false, error: 'VALIDATION_FAILED' };
  if (event.type === 'complete' && !event.outcome.trim())
    return { ok: false, error: 'VALIDATION_FAILED' };
  const next = partnerMoves[event.type]?.[ticket.state];
  return next ? { ok: true, state: next } : { ok: false, error: 'INVALID_TRANSITION' };
}
