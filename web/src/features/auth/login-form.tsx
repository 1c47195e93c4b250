import { useState, type FormEvent } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { ErrorText } from '../../shared/ui/error-text';
import { TextField } from '../../shared/ui/field';
import { login, verifyTotp, ZLoginResult, type TLoginResult } from './auth.api';
import { isPasskeyCancelled, signInWithPasskey } from './passkeys.api';
import './auth.strings';

type TLoginFormProps = { onSignedIn: () => Promise<void>; fixedUsername?: string };
type TTotpStep = Extract<TLoginResult, { status: 'totp_required' }>;

/** User name and password, then the TOTP code (with enrolment the first time) when required. */
export function LoginForm({ onSignedIn, fixedUsername }: TLoginFormProps) {
  const { t } = useT('auth');
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [totp, setTotp] = useState<TTotpStep | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = totp
        ? await verifyTotp(totp.challenge, code)
        : await login(username, password);
      if (result.status === 'totp_required') setTotp(result);
      else await onSignedIn();
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const signInByPasskey = async () => {
    if (!totp) return;
    setBusy(true);
    setError(null);
    try {
      await signInWithPasskey(totp.challenge, ZLoginResult);
      await onSignedIn();
    } catch (err) {
      // Closing the device's prompt is a choice, not an error: the code field is still there.
      if (!isPasskeyCancelled(err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={submit} aria-busy={busy}>
      {totp ? (
        <>
          {totp.passkey ? (
            <>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void signInByPasskey()}
              >
                {t('usePasskey')}
              </button>
              <p>{t('orCode')}</p>
            </>
          ) : null}
          {totp.enrolment ? (
            <div className="enrolment">
              <p>{t('enrol')}</p>
              <code data-testid="totp-secret">{totp.enrolment.secret}</code>
              <a href={totp.enrolment.uri}>{t('enrolLink')}</a>
            </div>
          ) : null}
          <TextField
            label={t('code')}
            hint={t('codeHint')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus={!totp.passkey}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          />
        </>
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
        {totp ? t('verify') : t('submit')}
      </button>
    </form>
  );
}
