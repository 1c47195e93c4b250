import { RealtimeError } from '../../../shared/realtime/socket-client';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';

/** Explains a failed socket action (offer gone, telephony failed…) or a failed request. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useT('desk');
  if (error instanceof RealtimeError)
    return (
      <p className="error-text" role="alert">
        {t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') })}
      </p>
    );
  return <ErrorText error={error} />;
}
