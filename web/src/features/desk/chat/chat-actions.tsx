import { useState } from 'react';
import type { TChatTransferTarget } from '../../../../../src/contracts/api/chat-transfer';
import {
  counsellorEndReasons,
  type TChatConversation,
  type TCounsellorEndReason,
} from '../../../../../src/contracts/chat';
import { useT } from '../../../shared/i18n/i18n';
import { chatTransferTargets, endChat, transferChat } from './chat.api';
import { ChatError } from './chat-error';

type TMode = 'idle' | 'end' | 'transfer';

const QUEUE = 'queue';
const targetKey = (t: TChatTransferTarget) => `${t.hotline}:${t.language}`;

/**
 * Ending (with a reason, after a confirmation) and transferring a chat: back to the waiting
 * queue (offered to the next counsellor), or to another language queue of a hotline she serves
 * (the server's list, so she is never offered a place that would be refused). Each refusal is told.
 */
export function ChatActions({
  conversation,
  onTransferred,
}: {
  conversation: TChatConversation;
  onTransferred: () => void;
}) {
  const { t, i18n } = useT('deskChat');
  const { t: td } = useT('desk');
  const [mode, setMode] = useState<TMode>('idle');
  const [reason, setReason] = useState<TCounsellorEndReason>('resolved');
  const [target, setTarget] = useState(QUEUE);
  const [targets, setTargets] = useState<TChatTransferTarget[] | null>(null);
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
  const chosen = targets?.find((x) => targetKey(x) === target);
  const transfer = () =>
    transferChat(
      conversation.id,
      chosen
        ? { kind: 'hotline', hotline: chosen.hotline, language: chosen.language }
        : { kind: 'queue' },
    );
  const openTransfer = () => {
    setMode('transfer');
    setTarget(QUEUE);
    setError(null);
    chatTransferTargets(conversation.id).then(setTargets, (err: unknown) => {
      setTargets([]);
      setError(err);
    });
  };
  const label = (x: TChatTransferTarget) => {
    const queue = t('transfer.language', { language: td(`languages.${x.language}`) });
    if (x.hotline === conversation.hotline) return queue;
    return t('transfer.otherHotline', {
      hotline: i18n.language === 'en' ? x.nameEn : x.nameLo,
      queue,
    });
  };

  return (
    <div className="chat-actions">
      {mode === 'idle' ? (
        <>
          <button type="button" className="button" onClick={openTransfer}>
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
              <option value={QUEUE}>{t('transfer.queue')}</option>
              {(targets ?? []).map((x) => (
                <option key={targetKey(x)} value={targetKey(x)}>
                  {label(x)}
                </option>
              ))}
            </select>
          </label>
          {target === QUEUE ? <p className="muted">{t('transfer.queueHint')}</p> : null}
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
