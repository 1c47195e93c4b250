import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextArea } from '../../../shared/ui/field';
import {
  actOnTicket,
  declineReasons,
  outcomes,
  type TTicket,
  type TTicketAction,
  type TTicketState,
} from '../api/partner.api';

type TSimpleAction = 'acknowledge' | 'accept' | 'start' | 'hold' | 'resume';
type TAvailable = TSimpleAction | 'decline' | 'complete';

// Mirrors the server's ticket state machine only to choose which buttons to show; the server decides.
const available: Partial<Record<TTicketState, TAvailable[]>> = {
  pending: ['acknowledge'],
  acknowledged: ['accept', 'decline'],
  accepted: ['start', 'hold', 'complete'],
  in_progress: ['hold', 'complete'],
  on_hold: ['resume'],
};

type TProps = {
  ticket: TTicket;
  /** The action taken and the state it led to. */
  onChanged: (action: TTicketAction, state: TTicket['state']) => void;
};

/** The next steps open to the partner in this state; decline and complete ask for a reason. */
export function TicketActions({ ticket, onChanged }: TProps) {
  const { t } = useT('partner');
  const [asking, setAsking] = useState<'decline' | 'complete' | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const actions = available[ticket.state] ?? [];
  if (!actions.length) return null;

  const run = async (action: TTicketAction) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await actOnTicket(ticket.id, action);
      setAsking(null);
      setReason('');
      setNote('');
      onChanged(action, changed.state);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const withNote = note.trim() ? { note: note.trim() } : {};
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (asking === 'decline')
      void run({
        action: 'decline',
        reason: reason as (typeof declineReasons)[number],
        ...withNote,
      });
    if (asking === 'complete')
      void run({ action: 'complete', outcome: reason as (typeof outcomes)[number], ...withNote });
  };

  return (
    <section className="panel partner-actions" aria-label={t('ticket.state')}>
      {asking ? (
        <form onSubmit={confirm} className="partner-form">
          <SelectField
            label={asking === 'decline' ? t('ticket.declineReason') : t('ticket.outcome')}
            required
            value={reason}
            placeholder=""
            onChange={(e) => setReason(e.target.value)}
            options={(asking === 'decline' ? declineReasons : outcomes).map((value) => ({
              value,
              label: t(`${asking === 'decline' ? 'reasons' : 'outcomes'}.${value}`),
            }))}
          />
          <TextArea
            label={t('actions.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="partner-buttons">
            <button type="submit" className="button button--primary" disabled={busy || !reason}>
              {asking === 'decline' ? t('actions.confirmDecline') : t('actions.confirmComplete')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              {t('common:actions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="partner-buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              disabled={busy}
              className={`button ${action === 'decline' ? 'button--danger' : 'button--primary'}`}
              onClick={() =>
                action === 'decline' || action === 'complete'
                  ? setAsking(action)
                  : void run({ action })
              }
            >
              {t(`actions.${action}`)}
            </button>
          ))}
        </div>
      )}
      <ErrorText error={error} />
    </section>
  );
}
