import { useEffect, useState } from 'react';
import { useT } from '../../shared/i18n/i18n';
import { ErrorText } from '../../shared/ui/error-text';
import { fetchPickableReplies, type TCannedReply } from './chat-extras.api';
import './chat-extras.strings';

/**
 * The hotline's canned replies in the chat's language (Lao or English; both when the chat is in
 * another language). Picking one hands its text to the desk's message box: never sent by itself.
 */
export function CannedReplyPicker({
  hotline,
  language,
  onPick,
}: {
  hotline: string;
  language: string;
  onPick: (text: string) => void;
}) {
  const { t } = useT('chatExtras');
  const [replies, setReplies] = useState<TCannedReply[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setReplies(null);
    fetchPickableReplies(hotline, language).then(
      (r) => live && setReplies(r),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [hotline, language]);

  return (
    <section className="canned-reply-picker" aria-label={t('canned.title')}>
      <h3>{t('canned.title')}</h3>
      <ErrorText error={error} />
      {replies && !replies.length ? <p className="muted">{t('canned.none')}</p> : null}
      {replies?.length ? (
        <>
          <ul className="canned-reply-picker__list">
            {replies.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="button"
                  lang={r.language}
                  title={r.body}
                  aria-label={t('canned.pick', { title: r.title })}
                  onClick={() => onPick(r.body)}
                >
                  {r.title}
                </button>
              </li>
            ))}
          </ul>
          <small className="muted">{t('canned.hint')}</small>
        </>
      ) : null}
    </section>
  );
}
