import { errorKey } from '../api/api-error';
import { useT } from '../i18n/i18n';

/** A failed request explained in the user's language; nothing when there is no error. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <p className="error-text" role="alert">
      {t(errorKey(error), { defaultValue: t('common:errors.UNKNOWN') })}
    </p>
  );
}
