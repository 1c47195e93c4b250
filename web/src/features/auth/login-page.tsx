import { useT } from '../../shared/i18n/i18n';
import { useSession } from '../../shared/session/session-context';
import { LanguageSwitch } from '../../shared/ui/language-switch';
import { LoginForm } from './login-form';

export function LoginPage() {
  const { t } = useT('auth');
  const { signedIn } = useSession();
  return (
    <main className="login-page" id="main">
      <section className="login-card" aria-labelledby="login-title">
        <p className="login-card__brand" lang="lo">
          ສາຍດ່ວນ
        </p>
        <h1 id="login-title">{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
        <LoginForm onSignedIn={signedIn} />
        <LanguageSwitch />
      </section>
    </main>
  );
}
