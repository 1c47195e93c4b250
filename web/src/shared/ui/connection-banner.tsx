import { useT } from '../i18n/i18n';
import { useRealtime } from '../realtime/use-realtime';

/** Tells the user the live view is stale while the socket reconnects. */
export function ConnectionBanner() {
  const { t } = useT();
  const { connection } = useRealtime();
  if (connection !== 'reconnecting') return null;
  return (
    <div className="banner banner--warning" role="status" data-testid="connection-banner">
      {t('connection.reconnecting')}
    </div>
  );
}
