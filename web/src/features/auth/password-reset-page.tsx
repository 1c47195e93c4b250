import { useT } from '../../shared/i18n/i18n';
import { useSession } from '../../shared/session/session-context';
import { ChangePasswordForm } from './change-password-form';
import './auth.strings';

/** After an administrator's reset: nothing else works until the user chooses a password. */
export function PasswordResetPage() {
  const { t } = useT('auth');
  const { signedIn, signOut } = useSession();
  return (
    <main className="login" id="main">
      <h1>{t('changePassword')}</h1>
      <p>{t('mustChange')}</p>
      <ChangePasswordForm onChanged={() => void signedIn()} />
      <button type="button" className="button button--quiet" onClick={() => void signOut()}>
        {t('common:actions.signOut')}
      </button>
    </main>
  );
}
