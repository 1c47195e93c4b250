import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { Link, matchPath, usePath } from '../../shared/router/router';
import { ErrorText } from '../../shared/ui/error-text';
import { fetchHotlines, type THotline } from './api/hotlines.api';
import { BlocklistPanel } from './components/blocklist-panel';
import { ChatSettingsPanel } from './components/chat-settings-panel';
import { ConsentPanel } from './components/consent-panel';
import { FormsPanel } from './components/forms-panel';
import { PartnersPanel } from './components/partners-panel';
import { PromptsPanel } from './components/prompts-panel';
import { RecordingLinePanel } from './components/recording-line-panel';
import { RetentionPanel } from './components/retention-panel';
import { RulesPanel } from './components/rules-panel';
import { ImportsPanel } from './components/imports-panel';
import { HotlineForm } from './components/hotline-form';
import { UsersPanel } from './components/users-panel';
import './admin.css';
import './admin.strings';
import './blocklist.strings';
import './chat-settings.strings';
import './consent.strings';
import './directory.strings';
import './forms.strings';
import './media.strings';
import './recording-line.strings';

function HotlineList({ hotlines }: { hotlines: THotline[] }) {
  const { t, i18n } = useT('admin');
  return (
    <table className="panel">
      <thead>
        <tr>
          <th>{t('hotlines.number')}</th>
          <th>{t('hotlines.name')}</th>
          <th>{t('hotlines.phoneNumber')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {hotlines.map((h) => (
          <tr key={h.number}>
            <td>
              <strong>{h.number}</strong>{' '}
              {h.active ? null : <span className="tag tag--danger">{t('hotlines.inactive')}</span>}
            </td>
            <td>{i18n.language === 'en' ? h.nameEn : h.nameLo}</td>
            <td dir="ltr">{h.phoneNumber}</td>
            <td>
              <Link
                to={`/admin/hotlines/${h.number}`}
                aria-label={`${t('hotlines.edit')} ${h.number}`}
              >
                {t('hotlines.edit')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Each section is one path under /admin; hotlines is the landing section.
const sections = [
  'users',
  'partners',
  'rules',
  'consent',
  'forms',
  'prompts',
  'recording',
  'blocklist',
  'retention',
  'imports',
  'chat',
] as const;
type TSection = (typeof sections)[number];

export default function AdminPage() {
  const { t } = useT('admin');
  const path = usePath();
  const [hotlines, setHotlines] = useState<THotline[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    fetchHotlines().then(setHotlines, setError);
  }, []);
  const selected = matchPath('/admin/hotlines/:number', path)?.number;
  const section = sections.find((s) => path === `/admin/${s}`) ?? null;
  const hotline = hotlines?.find((h) => h.number === selected);
  const numbers = hotlines?.map((h) => h.number) ?? [];
  const replace = (saved: THotline) =>
    setHotlines((list) => list?.map((h) => (h.number === saved.number ? saved : h)) ?? null);
  const panels: Record<TSection, ReactNode> = {
    users: <UsersPanel />,
    partners: <PartnersPanel />,
    rules: <RulesPanel />,
    consent: <ConsentPanel />,
    forms: hotlines ? <FormsPanel hotlines={numbers} /> : null,
    prompts: hotlines ? <PromptsPanel hotlines={numbers} /> : null,
    recording: hotlines ? <RecordingLinePanel hotlines={numbers} /> : null,
    blocklist: <BlocklistPanel hotlines={numbers} />,
    retention: <RetentionPanel />,
    imports: hotlines ? <ImportsPanel hotlines={numbers} /> : null,
    chat: hotlines ? <ChatSettingsPanel hotlines={numbers} /> : null,
  };

  return (
    <section className="admin">
      <h1>{t('title')}</h1>
      <nav className="admin__tabs" aria-label={t('title')}>
        <Link to="/admin" aria-current={!selected && !section ? 'page' : undefined}>
          {t('sections.hotlines')}
        </Link>
        {sections.map((s) => (
          <Link key={s} to={`/admin/${s}`} aria-current={section === s ? 'page' : undefined}>
            {t(`sections.${s}`)}
          </Link>
        ))}
      </nav>
      {section ? panels[section] : null}
      <ErrorText error={error} />
      {!hotlines && !error ? <p className="loading">{t('common:status.loading')}</p> : null}
      {hotlines && !selected && !section ? <HotlineList hotlines={hotlines} /> : null}
      {hotline ? (
        <>
          <Link to="/admin">← {t('common:actions.back')}</Link>
          <HotlineForm key={hotline.number} hotline={hotline} onSaved={replace} />
        </>
      ) : null}
    </section>
  );
}
