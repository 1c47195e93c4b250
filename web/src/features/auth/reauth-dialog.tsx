import { useT } from '../../shared/i18n/i18n';
import { useSession } from '../../shared/session/session-context';
import { Dialog } from '../../shared/ui/dialog';
import { LoginForm } from './login-form';

/** Shown over the current screen when the session ends, so nothing typed is lost. */
export function ReauthDialog() {
  const { t } = useT('auth');
  const { expired, signedIn, abandon, state } = useSession();
  const username = state.status === 'signed-in' ? state.user.username : undefined;
  return (
    <Dialog open={expired} title={t('common:session.expiredTitle')} onClose={abandon}>
      <p>{t('common:session.expiredBody')}</p>
      <LoginForm onSignedIn={signedIn} fixedUsername={username} />
      <button type="button" className="button" onClick={abandon}>
        {t('common:actions.signOut')}
      </button>
    </Dialog>
  );
}
