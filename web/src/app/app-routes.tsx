import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TRole } from '../shared/session/session.api';

export type TAppRoute = {
  /** `/desk/*` matches /desk and everything under it; the feature routes inside. */
  path: string;
  /** Who may open it; `public` routes need no session (partner magic links). */
  roles: readonly TRole[] | 'public';
  /** i18n key of the navigation label; routes without one are not in the menu. */
  nav?: string;
  screen: LazyExoticComponent<ComponentType>;
};

// Each feature is loaded on first use, so a partner's phone never downloads the counsellor desk.
// Add a feature by adding its entry point here; features never import each other.
export const appRoutes: TAppRoute[] = [
  {
    path: '/desk/*',
    roles: ['counsellor', 'supervisor'],
    nav: 'nav.desk',
    screen: lazy(() => import('../features/desk/desk-page')),
  },
  {
    path: '/wallboard/*',
    roles: ['supervisor', 'administrator'],
    nav: 'nav.wallboard',
    screen: lazy(() => import('../features/wallboard/wallboard-page')),
  },
  {
    path: '/supervisor/*',
    roles: ['supervisor', 'administrator'],
    nav: 'nav.supervisor',
    screen: lazy(() => import('../features/supervisor/supervisor-page')),
  },
  {
    path: '/partner/link',
    roles: 'public',
    screen: lazy(() => import('../features/partner/magic-link-page')),
  },
  {
    path: '/partner/*',
    roles: ['partner_agent', 'partner_manager'],
    nav: 'nav.partner',
    screen: lazy(() => import('../features/partner/partner-page')),
  },
  {
    path: '/reports/*',
    roles: ['statistician', 'supervisor', 'administrator'],
    nav: 'nav.reports',
    screen: lazy(() => import('../features/reports/reports-page')),
  },
  {
    path: '/admin/*',
    roles: ['administrator'],
    nav: 'nav.admin',
    screen: lazy(() => import('../features/admin/admin-page')),
  },
];

/** Where each role lands after signing in. */
export const homeByRole: Record<TRole, string> = {
  counsellor: '/desk',
  supervisor: '/wallboard',
  partner_agent: '/partner',
  partner_manager: '/partner',
  statistician: '/reports',
  administrator: '/admin',
};
