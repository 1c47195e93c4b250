import { ApiError } from '../../../shared/api/api-error';
import { useT } from '../../../shared/i18n/i18n';

/** A refused chat action, told in the counsellor's language: nothing is dropped silently. */
export function ChatError({ error }: { error: unknown }) {
  const { t } = useT('deskChat');
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  return (
    <p className="error-text" role="alert">
      {t(`errors.${code}`, { defaultValue: t('errors.UNKNOWN') })}
    </p>
  );
}
