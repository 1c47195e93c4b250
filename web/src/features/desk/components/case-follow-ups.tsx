import { useEffect, useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/format/date-format';
import { isoFromLao, laoFromIso, todayIso } from '../../../shared/format/lao-date-input';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField, TextArea, TextField } from '../../../shared/ui/field';
import {
  addFollowUp,
  completeFollowUp,
  followUpAssignees,
  type TCaseFollowUp,
} from '../api/lifecycle.api';
import { ActionError } from './action-error';
import '../lifecycle.strings';

const dayLabel = (iso: string) => formatDate(`${iso}T12:00:00+07:00`);

/** A case's follow-up tasks: who does what by when; add one (open cases), mark one done. */
export function CaseFollowUps({
  caseId,
  closed,
  followUps,
  me,
  onChanged,
}: {
  caseId: string;
  closed: boolean;
  followUps: TCaseFollowUp[];
  me: string | null;
  onChanged: () => void;
}) {
  const { t } = useT('case');
  const [assignees, setAssignees] = useState<Array<{ userId: string; displayName: string }>>([]);
  const [task, setTask] = useState('');
  const [assignee, setAssignee] = useState(me ?? '');
  const [due, setDue] = useState(laoFromIso(todayIso()));
  const [badDate, setBadDate] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (closed) return;
    followUpAssignees(caseId).then(setAssignees, setError);
  }, [caseId, closed]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const dueOn = isoFromLao(due);
    setBadDate(!dueOn);
    if (!dueOn) return;
    try {
      await addFollowUp(caseId, { assigneeId: assignee, dueOn, task: task.trim() });
      setTask('');
      setDue(laoFromIso(todayIso()));
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const complete = (id: string) =>
    completeFollowUp(id).then(onChanged, (err: unknown) => setError(err));

  return (
    <section className="panel" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps.title')}</h2>
      {followUps.length === 0 ? <p className="muted">{t('followUps.none')}</p> : null}
      <ul data-testid="case-follow-ups">
        {followUps.map((f) => (
          <li key={f.id}>
            <span className={`tag ${f.status === 'done' ? 'tag--ok' : ''}`}>
              {t(`followUps.statuses.${f.status}`)}
            </span>{' '}
            {f.task} · {f.assigneeName} · {t('followUps.dueOn', { date: dayLabel(f.dueOn) })}{' '}
            {f.status === 'open' ? (
              <button type="button" className="button" onClick={() => void complete(f.id)}>
                {t('followUps.complete')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {closed ? null : (
        <form onSubmit={(e) => void submit(e)} aria-label={t('followUps.add')}>
          <TextArea
            label={t('followUps.task')}
            rows={2}
            required
            value={task}
            onChange={(e) => setTask(e.target.value)}
          />
          <div className="grid-2">
            <SelectField
              label={t('followUps.assignee')}
              value={assignee}
              required
              onChange={(e) => setAssignee(e.target.value)}
              options={assignees.map((a) => ({ value: a.userId, label: a.displayName }))}
            />
            <TextField
              label={t('followUps.due')}
              hint={t('followUps.dueHint')}
              inputMode="numeric"
              value={due}
              onChange={(e) => setDue(e.target.value)}
            />
          </div>
          {badDate ? (
            <p className="error-text" role="alert">
              {t('followUps.badDate')}
            </p>
          ) : null}
          <ActionError error={error} />
          <button type="submit" className="button button--primary" disabled={!assignee}>
            {t('followUps.add')}
          </button>
        </form>
      )}
    </section>
  );
}
