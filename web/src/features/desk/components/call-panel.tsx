import { useState } from 'react';
import { formatDuration } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { emitAck } from '../../../shared/realtime/socket-client';
import type { TActiveCall } from '../hooks/use-active-call';
import { useServerNow } from '../hooks/use-ticker';
import type { TSoftphoneStatus } from '../softphone/softphone';
import { ActionError } from './action-error';
import { AddPartyDialog, TransferDialog } from './call-controls';

type TCallPanelProps = {
  call: TActiveCall;
  audio: TSoftphoneStatus | null;
  onMuted: (muted: boolean) => void;
  /** Clears an ended call from the desk (its contact form goes with it, draft included). */
  onDismiss: () => void;
};

/** Timer and controls of the call in progress; every control is a server-side conference change. */
export function CallPanel({ call, audio, onMuted, onDismiss }: TCallPanelProps) {
  const { t } = useT('desk');
  const now = useServerNow(!call.endedAt);
  const [held, setHeld] = useState(false);
  const [muted, setMuted] = useState(false);
  const [dialog, setDialog] = useState<'transfer' | 'party' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const live = !call.endedAt;

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="panel call-panel" aria-labelledby="call-title" data-testid="call-panel">
      <h2 id="call-title">{live ? t('call.title') : t('call.ended')}</h2>
      <p className="call-panel__facts">
        <span className="tag">{call.hotline}</span>{' '}
        <span className="tag">
          {t(`languages.${call.language}`, { defaultValue: call.language })}
        </span>
      </p>
      <p className="call-panel__timer" role="timer" aria-label={t('call.duration')}>
        {formatDuration(((call.endedAt ?? now) - call.startedAt) / 1000)}
      </p>
      {live && audio ? (
        <p className="muted" data-testid="audio-status">
          {audio === 'connected'
            ? t('call.audioReady')
            : audio === 'failed'
              ? t('call.audioFailed')
              : t('call.connecting')}
        </p>
      ) : null}
      {live ? (
        <div className="call-panel__controls">
          <button
            type="button"
            className="button"
            aria-pressed={held}
            onClick={() =>
              act(async () => {
                await emitAck('call:hold', { callSid: call.callSid, hold: !held });
                setHeld(!held);
              })
            }
          >
            {held ? t('call.resume') : t('call.hold')}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={muted}
            onClick={() =>
              act(async () => {
                await emitAck('call:mute', { callSid: call.callSid, muted: !muted });
                onMuted(!muted);
                setMuted(!muted);
              })
            }
          >
            {muted ? t('call.unmute') : t('call.mute')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('transfer')}>
            {t('call.transfer')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('party')}>
            {t('call.addParty')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => act(() => emitAck('call:hangup', { callSid: call.callSid }))}
          >
            {t('call.end')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={onDismiss}>
          {t('common:actions.close')}
        </button>
      )}
      <ActionError error={error} />
      {dialog === 'transfer' ? (
        <TransferDialog
          callSid={call.callSid}
          language={call.language}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'party' ? (
        <AddPartyDialog callSid={call.callSid} onClose={() => setDialog(null)} />
      ) : null}
    </section>
  );
}
