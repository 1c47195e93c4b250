import { useT } from '../../shared/i18n/i18n';
import { Link, matchPath, usePath } from '../../shared/router/router';
import { DeskHome } from './components/desk-home';
import './desk.strings';

/** /desk and its screens; the call screen stays the default. */
export default function DeskPage() {
  const { t } = useT('desk');
  const path = usePath();
  const tabs = [{ to: '/desk', label: t('nav.desk') }];
  return (
    <div className="desk-page">
      <nav className="desk-tabs" aria-label={t('title')}>
        {tabs.map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            aria-current={matchPath(tab.to, path) ? 'page' : undefined}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <DeskHome />
    </div>
  );
}
