import { useEffect, useRef } from 'react';
import type { TChatMessage } from '../../../../../src/contracts/chat';
import { useT } from '../../../shared/i18n/i18n';

/** The conversation, oldest at the top and newest at the bottom, kept scrolled to the end. */
export function ChatTranscript({
  messages,
  me,
  typing,
}: {
  messages: TChatMessage[] | null;
  me: string;
  typing: boolean;
}) {
  const { t } = useT('deskChat');
  const end = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [messages?.length, typing]);
  if (!messages) return <p className="muted">{t('loading')}</p>;
  const who = (m: TChatMessage) =>
    m.direction === 'inbound'
      ? t('visitor')
      : m.author === me
        ? t('me')
        : m.author === 'system'
          ? t('system')
          : t('colleague');
  return (
    <ol className="chat-transcript" aria-label={t('transcript')} data-testid="chat-transcript">
      {messages.map((m) => (
        <li key={m.id} className={`chat-msg chat-msg--${m.direction}`} data-direction={m.direction}>
          <span className="chat-msg__who">{who(m)}</span>
          {m.text ? <span className="chat-msg__text">{m.text}</span> : null}
          {m.attachments.map((a, i) => (
            // Named only: the file itself is in the list below, downloaded on request.
            <span key={i} className="chat-msg__file" data-testid="chat-msg-file">
              {t('attached', { name: a.filename ?? t('attachedUnnamed') })}
            </span>
          ))}
          {m.delivery === 'failed' ? (
            <span className="error-text" role="alert">
              {t('failed')}
            </span>
          ) : null}
        </li>
      ))}
      {typing ? (
        <li className="chat-msg chat-msg--typing muted" role="status" data-testid="chat-typing">
          {t('typing')}
        </li>
      ) : null}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
