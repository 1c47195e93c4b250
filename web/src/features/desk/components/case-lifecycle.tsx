import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField, TextArea } from '../../../shared/ui/field';
import { caseClosureReasons, caseReopenReasons, changeStatus } from '../api/lifecycle.api';
import type { TCase } from '../api/records.api';
import { ActionError } from './action-error';
import '../lifecycle.strings';

const closed = (status: string) => status === 'closed' || status === 'closed_referred';

/**
 * Where the case stands and the one next step: start work, close with a reason (confirming
 * that open follow-ups are cancelled), or reopen a closed case with a reason.
 */
export function CaseLifecycle({
  caseRow,
  openFollowUps,
  onChanged,
}: {
  caseRow: TCase;
  openFollowUps: number;
  onChanged: () => void;
}) {
  const { t } = useT('case');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isClosed = closed(caseRow.status);

  const send = async (input: Parameters<typeof changeStatus>[1]) => {
    setError(null);
    try {
      await changeStatus(caseRow.id, input);
      setReason('');
      setNote('');
      setConfirming(false);
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'FOLLOW_UPS_OPEN') setConfirming(true);
      else setError(err);
    }
  };
  const close = (cancelFollowUps: boolean) =>
    send({
      status: 'closed',
      version: caseRow.version,
      // The select offers only the closure reasons; the API refuses any other.
      closureReason: reason as (typeof caseClosureReasons)[number],
      ...(note.trim() && { note: note.trim() }),
      ...(cancelFollowUps && { cancelFollowUps }),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isClosed)
      void send({
        status: 'active',
        version: caseRow.version,
        reopenReason: reason as (typeof caseReopenReasons)[number],
        ...(note.trim() && { note: note.trim() }),
      });
    else void close(false);
  };
  const reasons = isClosed ? caseReopenReasons : caseClosureReasons;
  const group = isClosed ? 'reopenReasons' : 'closureReasons';

  return (
    <section className="panel" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t('lifecycle.title')}</h2>
      <p data-testid="case-status">
        <span className={`tag ${isClosed ? '' : 'tag--ok'}`}>
          {t(`statuses.${caseRow.status}`, { defaultValue: caseRow.status })}
        </span>
        {isClosed && caseRow.closureReason
          ? ` · ${t(`lifecycle.closureReasons.${caseRow.closureReason}`)}`
          : ''}
      </p>
      {caseRow.status === 'open' ? (
        <button
          type="button"
          className="button"
          onClick={() => void send({ status: 'active', version: caseRow.version })}
        >
          {t('lifecycle.markActive')}
        </button>
      ) : null}
      <form
        onSubmit={submit}
        aria-label={t(isClosed ? 'lifecycle.reopen' : 'lifecycle.close')}
        data-testid={isClosed ? 'reopen-form' : 'close-form'}
      >
        <SelectField
          label={t(isClosed ? 'lifecycle.reopenReason' : 'lifecycle.closureReason')}
          value={reason}
          required
          placeholder={t('lifecycle.choose')}
          onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }}
          options={reasons.map((r) => ({ value: r, label: t(`lifecycle.${group}.${r}`) }))}
        />
        {reason === 'other' ? (
          <TextArea
            label={t('lifecycle.note')}
            rows={2}
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        ) : null}
        <ActionError error={error} />
        {confirming ? (
          <div role="alert" className="notice" data-testid="confirm-cancel-follow-ups">
            <p>{t('lifecycle.confirmCancel', { count: openFollowUps })}</p>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void close(true)}
            >
              {t('lifecycle.confirmClose')}
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('lifecycle.keepOpen')}
            </button>
          </div>
        ) : (
          <button type="submit" className="button button--primary" disabled={!reason}>
            {t(isClosed ? 'lifecycle.reopen' : 'lifecycle.close')}
          </button>
        )}
      </form>
    </section>
  );
}
