import { useT } from '../../../shared/i18n/i18n';
import { useRealtime } from '../../../shared/realtime/use-realtime';
import { navigate } from '../../../shared/router/router';
import { useUser } from '../../../shared/session/session-context';
import { saveContact } from '../api/records.api';
import { useActiveCall } from '../hooks/use-active-call';
import { useDraft } from '../hooks/use-draft';
import { useSoftphone } from '../hooks/use-softphone';
import { CallPanel } from './call-panel';
import { emptyDraft } from './contact-draft';
import { ContactForm } from './contact-form';
import { OfferBanner } from './offer-banner';
import { PresenceBar } from './presence-bar';

/** The screen a counsellor lives in: status, the ringing offer, the call and its contact form. */
export function DeskHome() {
  const { t } = useT('desk');
  const user = useUser();
  const { snapshot } = useRealtime();
  const { call, accepted, finish } = useActiveCall();
  const softphone = useSoftphone();
  const offer = snapshot?.offer ?? null;
  const draftKey = `saiduan.draft.${user.userId}.${call ? call.callSid : 'none'}`;
  const draft = useDraft(
    draftKey,
    emptyDraft(call?.kind === 'callback' ? 'call_back' : 'call', call?.language ?? 'lo'),
  );

  const submit = async () => {
    if (!call) return;
    const saved = await saveContact({
      draft: draft.value,
      hotline: call.hotline,
      durationSeconds: call.endedAt ? Math.round((call.endedAt - call.startedAt) / 1000) : null,
    });
    await draft.clear();
    if (call.endedAt) finish();
    if (saved.caseId) navigate(`/desk/cases/${saved.caseId}`);
  };

  return (
    <div className="desk">
      <PresenceBar />
      {offer ? <OfferBanner key={offer.offerId} offer={offer} onAccepted={accepted} /> : null}
      {call ? (
        <div className="desk__work">
          <CallPanel call={call} audio={softphone.status} onMuted={softphone.setMuted} />
          <ContactForm
            draft={draft.value}
            update={draft.update}
            status={draft.status}
            offline={false}
            onSubmit={submit}
          />
        </div>
      ) : (
        <p className="desk__idle muted">{t(`presence.${snapshot?.me?.state ?? 'offline'}`)}</p>
      )}
    </div>
  );
}
