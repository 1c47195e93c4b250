import { useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { fetchChannelConfigs, type TChannelConfig } from '../api/chat-settings.api';

/** Which channels and addresses the hotline serves; read only (the server's configuration). */
export function ChatChannelsTable({ hotline }: { hotline: string }) {
  const { t, i18n } = useT('admin');
  const [channels, setChannels] = useState<TChannelConfig[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    fetchChannelConfigs(hotline).then(setChannels, setError);
  }, [hotline]);
  return (
    <section className="panel" aria-labelledby="chat-channels-title">
      <h2 id="chat-channels-title">{t('chat.channels.title')}</h2>
      <p className="muted">{t('chat.channels.intro')}</p>
      <ErrorText error={error} />
      {channels && !channels.length ? <p className="muted">{t('chat.channels.none')}</p> : null}
      {channels?.length ? (
        <table data-testid="chat-channels">
          <thead>
            <tr>
              <th>{t('chat.channels.channel')}</th>
              <th>{t('chat.channels.address')}</th>
              <th>{t('chat.channels.service')}</th>
              <th>{t('chat.channels.templates')}</th>
              <th>{t('chat.channels.state')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.id}>
                <td>{t(`chat.channels.names.${c.channel}`)}</td>
                <td dir="ltr">{c.address}</td>
                <td dir="ltr">
                  <code>{c.conversationServiceSid ?? '—'}</code>
                </td>
                <td>
                  {c.templates.length
                    ? c.templates.map((tpl) => (
                        <div key={tpl.key}>
                          <strong>{tpl.key}</strong>:{' '}
                          {i18n.language === 'en' ? tpl.textEn : tpl.textLo}
                        </div>
                      ))
                    : '—'}
                </td>
                <td>
                  <span className={c.active ? 'tag tag--ok' : 'tag'}>
                    {c.active ? t('chat.channels.active') : t('chat.channels.inactive')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
