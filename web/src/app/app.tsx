import { Suspense, useEffect } from 'react';
import { LoginPage } from '../features/auth/login-page';
import { PasswordResetPage } from '../features/auth/password-reset-page';
import { ReauthDialog } from '../features/auth/reauth-dialog';
import { useT } from '../shared/i18n/i18n';
import { matchPath, navigate, usePath } from '../shared/router/router';
import { SessionProvider, useSession } from '../shared/session/session-context';
import { ConnectionBanner } from '../shared/ui/connection-banner';
import { AppHeader } from './app-header';
import { appRoutes, homeByRole } from './app-routes';

function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      {t('status.loading')}
    </p>
  );
}

function Gate() {
  const { t } = useT();
  const { state } = useSession();
  const path = usePath();
  const route = appRoutes.find((r) => matchPath(r.path, path));
  const role = state.status === 'signed-in' ? state.user.role : null;
  const allowed = role
    ? appRoutes.filter((r) => r.roles !== 'public' && r.roles.includes(role))
    : [];
  const home = role ? homeByRole[role] : '/';
  const here = route && (route.roles === 'public' || (role && allowed.includes(route)));

  useEffect(() => {
    if (role && !here) {
      const fallback = allowed.find((r) => matchPath(r.path, home)) ?? allowed[0];
      if (fallback) navigate(fallback.path.replace(/\/\*$/, ''), { replace: true });
    }
  }, [role, here, home, allowed]);

  if (route?.roles === 'public') {
    const Screen = route.screen;
    return (
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    );
  }
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <p className="error-text" role="alert">
        {t('errors.NETWORK')}
      </p>
    );
  if (state.status === 'anonymous') return <LoginPage />;
  if (state.user.passwordChangeRequired) return <PasswordResetPage />;
  const Screen = here ? route.screen : null;
  return (
    <div className="app">
      <AppHeader routes={allowed} />
      <ConnectionBanner />
      <main className="app__main" id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          {Screen ? <Screen /> : <p className="muted">{t('status.notFound')}</p>}
        </Suspense>
      </main>
      <ReauthDialog />
    </div>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
