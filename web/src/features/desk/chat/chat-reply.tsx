import { useRef, useState, type ReactNode } from 'react';
import { CHAT_TEXT_MAX } from '../../../../../src/contracts/chat';
import { useT } from '../../../shared/i18n/i18n';
import { emitAck } from '../../../shared/realtime/socket-client';
import { replyToChat } from './chat.api';
import { ChatError } from './chat-error';

const TYPING_EVERY_MS = 2000;

/**
 * The reply box. Typing is told to the visitor (web chat) at most every two seconds; a refused
 * send keeps the text and says why. `picker` is where the canned-reply picker goes (built
 * elsewhere); it inserts its text here.
 */
export function ChatReply({
  conversationId,
  picker,
}: {
  conversationId: string;
  picker?: (insert: (text: string) => void) => ReactNode;
}) {
  const { t } = useT('deskChat');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const typedAt = useRef(0);

  const typed = (value: string) => {
    setText(value);
    const now = Date.now();
    if (now - typedAt.current < TYPING_EVERY_MS) return;
    typedAt.current = now;
    // A hint only: a lost typing notice needs no retry and no message.
    void emitAck('chat:typing', { conversationId }).catch(() => {});
  };
  const send = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    try {
      await replyToChat(conversationId, value);
      setText('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="chat-reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {picker?.((insert) => setText((v) => (v ? `${v} ${insert}` : insert)))}
      <textarea
        aria-label={t('reply')}
        placeholder={t('reply')}
        value={text}
        maxLength={CHAT_TEXT_MAX}
        rows={3}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" className="button button--primary" disabled={busy || !text.trim()}>
        {busy ? t('sending') : t('send')}
      </button>
      <ChatError error={error} />
    </form>
  );
}
