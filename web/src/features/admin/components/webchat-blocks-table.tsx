import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { fetchWebchatBlocks, liftWebchatBlock, type TWebchatBlock } from '../api/chat-settings.api';

/** Web chat visitors blocked right now (counsellors block from the chat); lift one. */
export function WebchatBlocksTable() {
  const { t } = useT('admin');
  const [blocks, setBlocks] = useState<TWebchatBlock[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [lifted, setLifted] = useState(false);
  const load = useCallback(() => {
    fetchWebchatBlocks().then(setBlocks, setError);
  }, []);
  useEffect(load, [load]);
  const lift = async (id: string) => {
    setError(null);
    setLifted(false);
    try {
      await liftWebchatBlock(id);
      setLifted(true);
      load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="panel" aria-labelledby="webchat-blocks-title">
      <h2 id="webchat-blocks-title">{t('chat.blocks.title')}</h2>
      <p className="muted">{t('chat.blocks.intro')}</p>
      <ErrorText error={error} />
      {lifted ? (
        <p role="status" className="tag tag--ok">
          {t('chat.blocks.lifted')}
        </p>
      ) : null}
      {blocks && !blocks.length ? <p className="muted">{t('chat.blocks.none')}</p> : null}
      {blocks?.length ? (
        <table data-testid="webchat-blocks">
          <thead>
            <tr>
              <th>{t('chat.blocks.hotline')}</th>
              <th>{t('chat.blocks.reason')}</th>
              <th>{t('chat.blocks.since')}</th>
              <th>{t('chat.blocks.until')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {blocks.map((b) => (
              <tr key={b.id}>
                <td>{b.hotline ?? t('chat.blocks.allHotlines')}</td>
                <td>{t(`chat.blocks.reasons.${b.reason}`, { defaultValue: b.reason })}</td>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>{formatDateTime(b.expiresAt)}</td>
                <td>
                  <button type="button" className="button" onClick={() => void lift(b.id)}>
                    {t('chat.blocks.lift')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
