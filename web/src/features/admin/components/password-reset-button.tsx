import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { Dialog } from '../../../shared/ui/dialog';
import { ErrorText } from '../../../shared/ui/error-text';
import { TextField } from '../../../shared/ui/field';
import { resetPassword, type TUser } from '../api/users.api';

/** An administrator's reset: a temporary password typed once, never left in the form. */
export function PasswordResetButton({ user, onDone }: { user: TUser; onDone: () => void }) {
  const { t } = useT('admin');
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await resetPassword(user.id, password);
      setOpen(false);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('users.resetPassword')}
      </button>
      <Dialog
        open={open}
        title={`${t('users.resetPassword')}: ${user.displayName}`}
        onClose={() => setOpen(false)}
      >
        <form onSubmit={(e) => void submit(e)}>
          <TextField
            label={t('users.temporaryPassword')}
            hint={t('users.temporaryPasswordHint')}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorText error={error} />
          <button className="button button--primary" type="submit" disabled={busy}>
            {t('common:actions.save')}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('common:actions.cancel')}
          </button>
        </form>
      </Dialog>
    </>
  );
}
