import { useState } from 'react';
import {
  counsellorEndReasons,
  type TChatConversation,
  type TCounsellorEndReason,
} from '../../../../../src/contracts/chat';
import { useT } from '../../../shared/i18n/i18n';
import { endChat, transferChat } from './chat.api';
import { ChatError } from './chat-error';

/** Languages a chat may be handed to; the server refuses one its hotline does not serve. */
const TRANSFER_LANGUAGES = ['lo', 'en', 'th', 'vi', 'zh', 'hmn', 'kjg'] as const;

type TMode = 'idle' | 'end' | 'transfer';

/**
 * Ending (with a reason, after a confirmation) and transferring a chat (back to the queue, or to
 * another language's queue of the hotline). Each refusal is told.
 */
export function ChatActions({
  conversation,
  onTransferred,
}: {
  conversation: TChatConversation;
  onTransferred: () => void;
}) {
  const { t } = useT('deskChat');
  const { t: td } = useT('desk');
  const [mode, setMode] = useState<TMode>('idle');
  const [reason, setReason] = useState<TCounsellorEndReason>('resolved');
  const [target, setTarget] = useState('queue');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (action: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode('idle');
      after?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const transfer = () =>
    transferChat(
      conversation.id,
      target === 'queue'
        ? { kind: 'queue' }
        : { kind: 'hotline', hotline: conversation.hotline, language: target },
    );

  return (
    <div className="chat-actions">
      {mode === 'idle' ? (
        <>
          <button type="button" className="button" onClick={() => setMode('transfer')}>
            {t('transfer.open')}
          </button>
          <button type="button" className="button button--danger" onClick={() => setMode('end')}>
            {t('end.open')}
          </button>
        </>
      ) : null}
      {mode === 'end' ? (
        <div role="dialog" aria-label={t('end.title')} className="chat-actions__confirm">
          <strong>{t('end.title')}</strong>
          <label>
            {t('end.reason')}{' '}
            <select
              value={reason}
              onChange={(e) =>
                setReason(counsellorEndReasons.find((r) => r === e.target.value) ?? 'other')
              }
            >
              {counsellorEndReasons.map((r) => (
                <option key={r} value={r}>
                  {t(`end.reasons.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void run(() => endChat(conversation.id, reason))}
          >
            {t('end.confirm')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setMode('idle')}>
            {t('end.cancel')}
          </button>
        </div>
      ) : null}
      {mode === 'transfer' ? (
        <div role="dialog" aria-label={t('transfer.to')} className="chat-actions__confirm">
          <label>
            {t('transfer.to')}{' '}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="queue">{t('transfer.queue')}</option>
              {TRANSFER_LANGUAGES.filter((l) => l !== conversation.language).map((l) => (
                <option key={l} value={l}>
                  {t('transfer.language', { language: td(`languages.${l}`) })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run(transfer, onTransferred)}
          >
            {t('transfer.confirm')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setMode('idle')}>
            {t('transfer.cancel')}
          </button>
        </div>
      ) : null}
      <ChatError error={error} />
    </div>
  );
}
