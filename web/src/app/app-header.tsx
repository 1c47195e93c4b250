import { useT } from '../shared/i18n/i18n';
import { Link, matchPath, usePath } from '../shared/router/router';
import { useSession, useUser } from '../shared/session/session-context';
import { LanguageSwitch } from '../shared/ui/language-switch';
import { wipeBrowserTraces } from '../features/auth/browser-traces';
import { ChangePasswordButton } from '../features/auth/change-password-dialog';
import type { TAppRoute } from './app-routes';

export function AppHeader({ routes }: { routes: TAppRoute[] }) {
  const { t } = useT();
  const user = useUser();
  const { signOut } = useSession();
  const path = usePath();
  const menu = routes.filter((r) => r.nav);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <span className="app-header__brand" lang="lo">
        ສາຍດ່ວນ
      </span>
      {menu.length > 1 ? (
        <nav aria-label={t('appName')}>
          {menu.map((r) => {
            const to = r.path.replace(/\/\*$/, '');
            return (
              <Link
                key={r.path}
                to={to}
                aria-current={matchPath(r.path, path) ? 'page' : undefined}
              >
                {t(r.nav ?? '')}
              </Link>
            );
          })}
        </nav>
      ) : null}
      <span className="app-header__spacer" />
      <span className="app-header__user" data-testid="current-user">
        {user.displayName}
      </span>
      <LanguageSwitch />
      <ChangePasswordButton />
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void signOut().finally(wipeBrowserTraces)}
      >
        {t('actions.signOut')}
      </button>
    </header>
  );
}
