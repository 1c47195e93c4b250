import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField, TextArea } from '../../../shared/ui/field';
import { withdrawReasons, withdrawTicket } from '../api/referrals.api';
import { ActionError } from './action-error';
import '../lifecycle.strings';

/** Withdraws one partner's part of a referral with a reason; the partner is told. */
export function WithdrawTicket({ ticketId, onDone }: { ticketId: string; onDone: () => void }) {
  const { t } = useT('case');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await withdrawTicket(ticketId, { reason, ...(note.trim() && { note: note.trim() }) });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="withdraw-ticket">
      <summary>{t('withdraw.open')}</summary>
      <form onSubmit={(e) => void submit(e)} aria-label={t('withdraw.open')}>
        <SelectField
          label={t('withdraw.reason')}
          value={reason}
          required
          placeholder={t('lifecycle.choose')}
          onChange={(e) => setReason(e.target.value)}
          options={withdrawReasons.map((r) => ({ value: r, label: t(`withdraw.reasons.${r}`) }))}
        />
        <TextArea
          label={t('withdraw.note')}
          rows={2}
          required={reason === 'other'}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <ActionError error={error} />
        <button type="submit" className="button button--danger" disabled={!reason}>
          {t('withdraw.submit')}
        </button>
      </form>
    </details>
  );
}
