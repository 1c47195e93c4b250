import { useT } from '../../shared/i18n/i18n';
import { useSession } from '../../shared/session/session-context';
import { Dialog } from '../../shared/ui/dialog';
import { wipeBrowserTraces } from './browser-traces';
import { LoginForm } from './login-form';

/** Shown over the current screen when the session ends, so nothing typed is lost. */
export function ReauthDialog() {
  const { t } = useT('auth');
  const { expired, signedIn, abandon, state } = useSession();
  const username = state.status === 'signed-in' ? state.user.username : undefined;
  // Giving up on signing in again is a sign-out: the short-lived form copy goes too.
  const giveUp = () => {
    void wipeBrowserTraces();
    abandon();
  };
  return (
    <Dialog open={expired} title={t('common:session.expiredTitle')} onClose={giveUp}>
      <p>{t('common:session.expiredBody')}</p>
      <LoginForm onSignedIn={signedIn} fixedUsername={username} />
      <button type="button" className="button" onClick={giveUp}>
        {t('common:actions.signOut')}
      </button>
    </Dialog>
  );
}
