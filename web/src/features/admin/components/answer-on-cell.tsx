import { useEffect, useState, type FormEvent } from 'react';
import { compactPhone, E164 } from '../../../../../src/contracts/phone';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { TextField } from '../../../shared/ui/field';
import { saveUserAnswerOn, userAnswerOn, type TAdminAnswerOn } from '../api/answer-on.api';
import type { TUser } from '../api/users.api';

/**
 * Where someone's accepted calls ring, and the administrator's way to change it (a counsellor
 * without a working headset, a new duty phone). Only the mobile's last digits are ever shown;
 * a new number replaces the old one, leaving the field empty keeps it.
 */
export function AnswerOnCell({ user, onSaved }: { user: TUser; onSaved: () => void }) {
  const { t } = useT('admin');
  const [setting, setSetting] = useState<TAdminAnswerOn | null>(null);
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<TAdminAnswerOn['answerOn']>('browser');
  const [number, setNumber] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    userAnswerOn(user.id).then(
      (s) => live && setSetting(s),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [user.id]);

  if (!setting) return error ? <ErrorText error={error} /> : <span aria-busy="true">…</span>;
  const ending = setting.mobileEnding;
  const typed = compactPhone(number);
  const invalid = typed !== '' && !E164.test(typed);
  // Answering on a mobile with no number would ring nowhere (the server refuses it too).
  const numberMissing = choice === 'mobile' && typed === '' && ending === null;

  const open = () => {
    setChoice(setting.answerOn);
    setNumber('');
    setError(null);
    setEditing(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid || numberMissing) return;
    setSaving(true);
    setError(null);
    try {
      setSetting(
        await saveUserAnswerOn(user.id, { answerOn: choice, ...(typed ? { mobile: typed } : {}) }),
      );
      setEditing(false);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const current =
    setting.answerOn === 'mobile' ? t('users.onMobile', { ending }) : t('users.onBrowser');
  if (!editing)
    return (
      <span className="answer-on-cell">
        <span>{current}</span>
        <button
          type="button"
          className="button button--small"
          aria-label={t('users.changeAnswerOnFor', { name: user.displayName })}
          onClick={open}
        >
          {t('users.changeAnswerOn')}
        </button>
      </span>
    );
  return (
    <form className="answer-on-cell" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('users.changeAnswerOnFor', { name: user.displayName })}</legend>
        {(['browser', 'mobile'] as const).map((c) => (
          <label key={c}>
            <input
              type="radio"
              name={`answer-on-${user.id}`}
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
            />{' '}
            {t(c === 'browser' ? 'users.browserChoice' : 'users.mobileChoice')}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('users.mobileNumber')}
        hint={
          invalid
            ? t('users.invalidNumber')
            : ending
              ? t('users.keepNumber', { ending })
              : t('users.numberFormat')
        }
        type="tel"
        inputMode="tel"
        autoComplete="off"
        placeholder="+8562055512345"
        value={number}
        required={numberMissing}
        aria-invalid={invalid}
        onChange={(e) => setNumber(e.target.value)}
      />
      <div className="admin-row-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving || invalid || numberMissing}
        >
          {t('common:actions.save')}
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)}>
          {t('common:actions.cancel')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
