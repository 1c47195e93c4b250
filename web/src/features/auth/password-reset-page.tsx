import { useT } from '../../shared/i18n/i18n';
import { useSession } from '../../shared/session/session-context';
import { LanguageSwitch } from '../../shared/ui/language-switch';
import { ChangePasswordForm } from './change-password-form';
import './auth.strings';

/** After an administrator's reset: nothing else works until the user chooses a password. */
export function PasswordResetPage() {
  const { t } = useT('auth');
  const { signedIn, signOut } = useSession();
  return (
    <main className="login-page" id="main">
      <section className="login-card" aria-labelledby="password-reset-title">
        <p className="login-card__brand" lang="lo">
          ສາຍດ່ວນ
        </p>
        <h1 id="password-reset-title">{t('changePassword')}</h1>
        <p className="muted">{t('mustChange')}</p>
        <ChangePasswordForm onChanged={() => void signedIn()} />
        <button type="button" className="button button--quiet" onClick={() => void signOut()}>
          {t('common:actions.signOut')}
        </button>
        <LanguageSwitch />
      </section>
    </main>
  );
}
