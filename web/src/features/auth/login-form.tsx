import { useState, type FormEvent } from 'react';
import { isApiError } from '../../shared/api/api-error';
import { useT } from '../../shared/i18n/i18n';
import { ErrorText } from '../../shared/ui/error-text';
import { TextField } from '../../shared/ui/field';
import { login } from './auth.api';
import './auth.strings';

type TLoginFormProps = { onSignedIn: () => Promise<void>; fixedUsername?: string };

/** User name and password, then the TOTP code when the account needs one. */
export function LoginForm({ onSignedIn, fixedUsername }: TLoginFormProps) {
  const { t } = useT('auth');
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ username, password, ...(needsCode ? { totp } : {}) });
      await onSignedIn();
    } catch (err) {
      if (isApiError(err, 'SECOND_FACTOR_REQUIRED') && !needsCode) setNeedsCode(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={submit} aria-busy={busy}>
      {needsCode ? (
        <TextField
          label={t('code')}
          hint={t('codeHint')}
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus
          value={totp}
          onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
        />
      ) : (
        <>
          <TextField
            label={t('username')}
            name="username"
            autoComplete="username"
            required
            autoFocus={!fixedUsername}
            readOnly={Boolean(fixedUsername)}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <TextField
            label={t('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus={Boolean(fixedUsername)}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </>
      )}
      <ErrorText error={error} />
      <button className="button button--primary" type="submit" disabled={busy}>
        {needsCode ? t('verify') : t('submit')}
      </button>
    </form>
  );
}
