import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { fetchWebchatBlocks, liftWebchatBlock, type TWebchatBlock } from '../api/chat-settings.api';
import { AdminFeedback, AdminListTable, useAdminList } from './admin-list';

/** Web chat visitors blocked right now (counsellors block from the chat); lift one. */
export function WebchatBlocksTable() {
  const { t } = useT('admin');
  const { rows, error, done, run } = useAdminList(fetchWebchatBlocks);
  const lift = (b: TWebchatBlock) =>
    run(
      () => liftWebchatBlock(b.id),
      () => ({ key: 'chat.blocks.lifted' }),
    );
  return (
    <section className="panel" aria-labelledby="webchat-blocks-title">
      <h2 id="webchat-blocks-title">{t('chat.blocks.title')}</h2>
      <p className="muted">{t('chat.blocks.intro')}</p>
      <AdminFeedback error={error} done={done} />
      <AdminListTable
        rows={rows}
        testId="webchat-blocks"
        none={t('chat.blocks.none')}
        columns={[
          {
            header: t('chat.blocks.hotline'),
            cell: (b) => b.hotline ?? t('chat.blocks.allHotlines'),
          },
          {
            header: t('chat.blocks.reason'),
            cell: (b) => t(`chat.blocks.reasons.${b.reason}`, { defaultValue: b.reason }),
          },
          { header: t('chat.blocks.since'), cell: (b) => formatDateTime(b.createdAt) },
          { header: t('chat.blocks.until'), cell: (b) => formatDateTime(b.expiresAt) },
          {
            header: '',
            cell: (b) => (
              <button type="button" className="button" onClick={() => void lift(b)}>
                {t('chat.blocks.lift')}
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}
