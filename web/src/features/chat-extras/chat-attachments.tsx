import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { ErrorText } from '../../shared/ui/error-text';
import {
  attachmentDownloadUrl,
  fetchChatAttachments,
  type TChatAttachment,
} from './chat-extras.api';
import './chat-extras.strings';

const PENDING_RELOAD_MS = 3000;

/** The unit's string key and the number to put in it. */
function sizeParts(bytes: number): { unit: 'b' | 'kb' | 'mb'; n: string } {
  if (bytes < 1024) return { unit: 'b', n: String(bytes) };
  if (bytes < 1024 * 1024) return { unit: 'kb', n: String(Math.round(bytes / 1024)) };
  return { unit: 'mb', n: (bytes / (1024 * 1024)).toFixed(1) };
}

/**
 * The files a contact sent in this chat, described only: nothing is previewed, opened or played.
 * A kept file is downloaded on an explicit click (the server audits it); a file that was not
 * kept says why.
 */
export function ChatAttachments({
  conversationId,
  announced = 0,
}: {
  conversationId: string;
  /** Files the transcript has mentioned: when a message brings another, the list is read again. */
  announced?: number;
}) {
  const { t } = useT('chatExtras');
  const [list, setList] = useState<TChatAttachment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    fetchChatAttachments(conversationId).then(setList, setError);
  }, [conversationId]);
  useEffect(load, [load, announced]);
  // A file still arriving: look again shortly (the server fetches it in the background).
  const pending = list?.some((a) => a.state === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(load, PENDING_RELOAD_MS);
    return () => clearTimeout(timer);
  }, [pending, load]);

  return (
    <section className="chat-attachments" aria-label={t('attachments.title')}>
      <h3>{t('attachments.title')}</h3>
      <p className="chat-attachments__warning" role="note">
        {t('attachments.warning')}
      </p>
      <ErrorText error={error} />
      {list && !list.length ? <p className="muted">{t('attachments.none')}</p> : null}
      {list?.length ? (
        <table data-testid="chat-attachments">
          <thead>
            <tr>
              <th>{t('attachments.name')}</th>
              <th>{t('attachments.type')}</th>
              <th>{t('attachments.size')}</th>
              <th>{t('attachments.sha256')}</th>
              <th>{t('attachments.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((a) => {
              const name = a.filename ?? t('attachments.unnamed');
              return (
                <tr key={a.id}>
                  <td>{name}</td>
                  <td dir="ltr">{a.contentType}</td>
                  <td>
                    {a.sizeBytes === null
                      ? t('attachments.unknownSize')
                      : t(`attachments.units.${sizeParts(a.sizeBytes).unit}`, {
                          n: sizeParts(a.sizeBytes).n,
                        })}
                  </td>
                  <td dir="ltr">
                    {a.sha256 ? <code title={a.sha256}>{a.sha256.slice(0, 12)}…</code> : '—'}
                  </td>
                  <td>
                    {t(`attachments.states.${a.state}`)}
                    {a.failure ? (
                      <>
                        <br />
                        <small role="alert">{t(`attachments.failures.${a.failure}`)}</small>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {a.state === 'stored' ? (
                      <a
                        className="button"
                        href={attachmentDownloadUrl(conversationId, a.id)}
                        download
                        aria-label={t('attachments.downloadNamed', { name })}
                      >
                        {t('attachments.download')}
                      </a>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="button" onClick={load}>
        {t('attachments.refresh')}
      </button>
    </section>
  );
}
