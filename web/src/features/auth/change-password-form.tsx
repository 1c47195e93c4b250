import { useState, type FormEvent } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { ErrorText } from '../../shared/ui/error-text';
import { TextField } from '../../shared/ui/field';
import { changePassword } from './password.api';
import './auth.strings';

/**
 * Current password, new one twice. After Save every field is emptied (a password must not sit
 * in a form on a shared desk PC) and the person is told the change worked.
 */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useT('auth');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setError(null);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setDone(true);
      onChanged?.();
    } catch (err) {
      setError(err);
    } finally {
      // Emptied whatever happened: the person types them again rather than leaving them on screen.
      setCurrent('');
      setNext('');
      setRepeat('');
      setBusy(false);
    }
  };

  return (
    <form className="change-password" onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <TextField
        label={t('newPassword')}
        hint={t('newPasswordHint')}
        type="password"
        autoComplete="new-password"
        required
        value={next}
        onChange={(e) => setNext(e.target.value)}
      />
      <TextField
        label={t('repeatPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
      />
      {mismatch ? (
        <p className="error-text" role="alert">
          {t('passwordsDiffer')}
        </p>
      ) : null}
      <ErrorText error={error} />
      {done ? <p role="status">{t('passwordChanged')}</p> : null}
      <button className="button button--primary" type="submit" disabled={busy}>
        {t('common:actions.save')}
      </button>
    </form>
  );
}
