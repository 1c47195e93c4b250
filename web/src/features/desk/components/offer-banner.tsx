import { useEffect, useState, type ReactNode } from 'react';
import type { TOfferView } from '../../../../../src/contracts/realtime';
import { formatDuration } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { acceptOffer, rejectOffer } from '../../../shared/realtime/socket-client';
import { startRinging } from '../hooks/ring-tone';
import { useServerNow } from '../hooks/use-ticker';
import { ActionError } from './action-error';
import { waitingChats } from '../chat/chat.api';
import '../chat/chat.strings';

type TOfferBannerProps = {
  offer: TOfferView;
  onAccepted: (offer: TOfferView, taskId: string) => void;
  /** Earlier contacts and flags of a repeat caller, when the records know them. */
  history?: ReactNode;
};

/** The ringing offer: who is waiting where, for how long, and accept / reject. */
export function OfferBanner({ offer, onAccepted, history }: TOfferBannerProps) {
  const { t } = useT('desk');
  const { t: tc } = useT('deskChat');
  const now = useServerNow();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const isChat = offer.channel === 'chat';
  // Which chat channel (WhatsApp, Messenger, SMS, web): the waiting list of my hotlines says.
  const [chatChannel, setChatChannel] = useState<string>('chat');

  useEffect(() => startRinging(), [offer.offerId]);
  useEffect(() => {
    if (!isChat) return;
    let live = true;
    waitingChats()
      .then((chats) => {
        const found = chats.find((c) => c.id === offer.taskId);
        if (live && found) setChatChannel(found.channel);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [isChat, offer.taskId]);

  const act = async (accept: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (accept) {
        const { taskId } = await acceptOffer(offer.offerId);
        onAccepted(offer, taskId);
      } else await rejectOffer(offer.offerId);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="offer-banner"
      role="alertdialog"
      aria-labelledby="offer-title"
      data-testid="offer"
      data-offer-id={offer.offerId}
      data-channel={offer.channel}
    >
      <div className="offer-banner__main">
        <h2 id="offer-title">
          {isChat
            ? tc('offer.title')
            : offer.kind === 'callback'
              ? t('offer.callback')
              : t('offer.title')}
        </h2>
        {isChat ? (
          <p className="offer-banner__channel" data-testid="offer-channel">
            {tc('offer.on', { channel: tc(`channels.${chatChannel}`) })}
          </p>
        ) : null}
        <dl className="offer-banner__facts">
          <div>
            <dt>{t('offer.hotline')}</dt>
            <dd data-testid="offer-hotline">{offer.hotline}</dd>
          </div>
          <div>
            <dt>{t('offer.language')}</dt>
            <dd>{t(`languages.${offer.language}`, { defaultValue: offer.language })}</dd>
          </div>
          <div>
            <dt>{t('offer.waited')}</dt>
            <dd role="timer">{formatDuration((now - offer.enqueuedAt) / 1000)}</dd>
          </div>
        </dl>
        <p className="offer-banner__expiry">
          {t('offer.expires', { time: formatDuration((offer.expiresAt - now) / 1000) })}
        </p>
        {history}
      </div>
      <div className="offer-banner__actions">
        <button
          type="button"
          className="button button--accept button--big"
          disabled={busy}
          autoFocus
          onClick={() => void act(true)}
        >
          {isChat ? tc('offer.accept') : t('offer.accept')}
        </button>
        <button
          type="button"
          className="button button--big"
          disabled={busy}
          onClick={() => void act(false)}
        >
          {t('offer.reject')}
        </button>
      </div>
      <ActionError error={error} />
    </section>
  );
}
