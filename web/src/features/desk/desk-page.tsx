import { useT } from '../../shared/i18n/i18n';
import { useRealtime } from '../../shared/realtime/use-realtime';
import { Link, matchPath, navigate, usePath } from '../../shared/router/router';
import { AnswerOnSettings } from './components/answer-on-settings';
import { CallPanel } from './components/call-panel';
import { CallbacksScreen } from './components/callbacks-screen';
import { CallerHistory } from './components/caller-history';
import { CaseView } from './components/case-view';
import { MissedCallsNotice } from './components/missed-calls-notice';
import { DeskHome } from './components/desk-home';
import { OfferBanner } from './components/offer-banner';
import { OfflineContact } from './components/offline-contact';
import { PresenceBar } from './components/presence-bar';
import { WaitingCounts } from './components/waiting-counts';
import { ChatPanel } from './chat/chat-panel';
import { chatExtrasSlots } from './chat/chat-extras-slots';
import { useOpenChats } from './chat/use-open-chats';
import { useActiveCall } from './hooks/use-active-call';
import { useSoftphone } from './hooks/use-softphone';
import './desk.strings';
import './desk.css';

/** /desk and its screens. Status and a ringing offer stay on top whichever screen is open. */
export default function DeskPage() {
  const { t } = useT('desk');
  const path = usePath();
  const { snapshot } = useRealtime();
  const active = useActiveCall();
  const softphone = useSoftphone();
  const chats = useOpenChats();
  const offer = snapshot?.offer ?? null;
  const caseMatch = matchPath('/desk/cases/:id', path);
  const tabs = [
    { to: '/desk', label: t('nav.desk') },
    { to: '/desk/chats', label: t('deskChat:nav', { count: chats.chats.length }) },
    { to: '/desk/callbacks', label: t('nav.callbacks') },
    { to: '/desk/offline', label: t('nav.offline') },
    { to: '/desk/answer-on', label: t('nav.answerOn') },
  ];
  return (
    <div className="desk-page">
      <PresenceBar />
      <WaitingCounts />
      <MissedCallsNotice />
      {offer ? (
        <OfferBanner
          key={offer.offerId}
          offer={offer}
          history={offer.channel === 'voice' ? <CallerHistory callSid={offer.taskId} /> : null}
          onAccepted={(o, taskId) => {
            if (o.channel === 'chat') {
              void chats.open(taskId);
              navigate('/desk/chats');
              return;
            }
            active.accepted(o, taskId);
            navigate('/desk');
          }}
        />
      ) : null}
      <nav className="desk-tabs" aria-label={t('title')}>
        {tabs.map((tab) => (
          <Link key={tab.to} to={tab.to} aria-current={tab.to === path ? 'page' : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      <div className={active.call ? 'desk__work' : undefined}>
        {active.call ? (
          <CallPanel
            call={active.call}
            audio={softphone.status}
            onMuted={softphone.setMuted}
            onDismiss={active.finish}
          />
        ) : null}
        {caseMatch?.id ? (
          <CaseView key={caseMatch.id} caseId={caseMatch.id} />
        ) : path === '/desk/offline' ? (
          <OfflineContact />
        ) : path === '/desk/callbacks' ? (
          <CallbacksScreen />
        ) : path === '/desk/answer-on' ? (
          <AnswerOnSettings />
        ) : path === '/desk/chats' ? (
          <ChatPanel open={chats} slots={chatExtrasSlots} />
        ) : (
          <DeskHome call={active.call} finish={active.finish} />
        )}
      </div>
    </div>
  );
}
