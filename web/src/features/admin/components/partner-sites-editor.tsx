import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { TextField } from '../../../shared/ui/field';
import { fetchOrigins, saveOrigins } from '../api/chat-settings.api';

/** What a browser would send as the page's origin; the server checks again (https or localhost). */
function asOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    const local = ['localhost', '127.0.0.1'].includes(url.hostname);
    return url.origin === value.trim() && (url.protocol === 'https:' || local) ? url.origin : null;
  } catch {
    return null;
  }
}

/** The partner websites that may embed the hotline's web chat. */
export function PartnerSitesEditor({ hotline }: { hotline: string }) {
  const { t } = useT('admin');
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    fetchOrigins(hotline).then(setOrigins, setError);
  }, [hotline]);

  const save = async (next: string[]) => {
    setError(null);
    setSaved(false);
    try {
      setOrigins(await saveOrigins(hotline, next));
      setSaved(true);
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const origin = asOrigin(typed);
    setInvalid(origin === null);
    if (origin && (await save([...(origins ?? []), origin]))) setTyped('');
  };

  return (
    <section className="panel" aria-labelledby="origins-title">
      <h2 id="origins-title">{t('chat.origins.title')}</h2>
      <p className="muted">{t('chat.origins.intro')}</p>
      <form className="admin-form__row" onSubmit={(e) => void add(e)}>
        <TextField
          label={t('chat.origins.origin')}
          hint={t('chat.origins.hint')}
          value={typed}
          dir="ltr"
          inputMode="url"
          required
          onChange={(e) => setTyped(e.target.value)}
        />
        <div>
          <button type="submit" className="button button--primary">
            {t('chat.origins.add')}
          </button>
        </div>
      </form>
      {invalid ? (
        <p className="error-text" role="alert">
          {t('chat.origins.invalid')}
        </p>
      ) : null}
      <ErrorText error={error} />
      {saved ? (
        <p role="status" className="tag tag--ok">
          {t('chat.origins.saved')}
        </p>
      ) : null}
      {origins && !origins.length ? <p className="muted">{t('chat.origins.none')}</p> : null}
      {origins?.length ? (
        <ul data-testid="partner-sites">
          {origins.map((o) => (
            <li key={o}>
              <span dir="ltr">{o}</span>{' '}
              <button
                type="button"
                className="button"
                aria-label={t('chat.origins.removeOrigin', { origin: o })}
                onClick={() => void save(origins.filter((x) => x !== o))}
              >
                {t('chat.origins.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
