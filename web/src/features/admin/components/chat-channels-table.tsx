import { useT } from '../../../shared/i18n/i18n';
import { fetchChannelConfigs } from '../api/chat-settings.api';
import { AdminFeedback, AdminListTable, useAdminList } from './admin-list';

/** Which channels and addresses the hotline serves; read only (the server's configuration). */
export function ChatChannelsTable({ hotline }: { hotline: string }) {
  const { t, i18n } = useT('admin');
  const { rows, error } = useAdminList(() => fetchChannelConfigs(hotline), hotline);
  return (
    <section className="panel" aria-labelledby="chat-channels-title">
      <h2 id="chat-channels-title">{t('chat.channels.title')}</h2>
      <p className="muted">{t('chat.channels.intro')}</p>
      <AdminFeedback error={error} done={null} />
      <AdminListTable
        rows={rows}
        testId="chat-channels"
        none={t('chat.channels.none')}
        columns={[
          {
            header: t('chat.channels.channel'),
            cell: (c) => t(`chat.channels.names.${c.channel}`),
          },
          { header: t('chat.channels.address'), dir: 'ltr', cell: (c) => c.address },
          {
            header: t('chat.channels.service'),
            dir: 'ltr',
            cell: (c) => <code>{c.conversationServiceSid ?? '—'}</code>,
          },
          {
            header: t('chat.channels.templates'),
            cell: (c) =>
              c.templates.length
                ? c.templates.map((tpl) => (
                    <div key={tpl.key}>
                      <strong>{tpl.key}</strong>: {i18n.language === 'en' ? tpl.textEn : tpl.textLo}
                    </div>
                  ))
                : '—',
          },
          {
            header: t('chat.channels.state'),
            cell: (c) => (
              <span className={c.active ? 'tag tag--ok' : 'tag'}>
                {c.active ? t('chat.channels.active') : t('chat.channels.inactive')}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
