import { useT } from '../../shared/i18n/i18n';
import { Link, usePath } from '../../shared/router/router';
import { AuditViewer } from './components/audit-viewer';
import { EscalationsInbox } from './components/escalations-inbox';
import './supervisor.css';
import './supervisor.strings';

/** /supervisor: the escalations inbox and the audit log viewer. */
export default function SupervisorPage() {
  const { t } = useT('supervisor');
  const path = usePath();
  const onAudit = path === '/supervisor/audit';
  return (
    <section className="supervisor">
      <h1>{t('title')}</h1>
      <nav className="supervisor__tabs" aria-label={t('title')}>
        <Link to="/supervisor" aria-current={onAudit ? undefined : 'page'}>
          {t('tabs.escalations')}
        </Link>
        <Link to="/supervisor/audit" aria-current={onAudit ? 'page' : undefined}>
          {t('tabs.audit')}
        </Link>
      </nav>
      {onAudit ? <AuditViewer /> : <EscalationsInbox />}
    </section>
  );
}
