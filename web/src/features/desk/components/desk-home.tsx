import { useT } from '../../../shared/i18n/i18n';
import { useRealtime } from '../../../shared/realtime/use-realtime';
import { navigate } from '../../../shared/router/router';
import { saveContact } from '../api/records.api';
import type { TActiveCall } from '../hooks/use-active-call';
import { useDraft } from '../hooks/use-draft';
import { emptyDraft } from './contact-draft';
import { ContactForm } from './contact-form';
import { MyFollowUps } from './my-follow-ups';

type TCallContactProps = { call: TActiveCall; finish: () => void };

/** The contact form of one call; its draft is keyed by the call so a reload finds it again. */
function CallContact({ call, finish }: TCallContactProps) {
  const draft = useDraft(
    `call:${call.callSid}`,
    emptyDraft(call.kind === 'callback' ? 'call_back' : 'call', call.language),
  );
  const submit = async () => {
    const saved = await saveContact({
      draft: draft.value,
      hotline: call.hotline,
      callSid: call.callSid,
      durationSeconds: call.endedAt ? Math.round((call.endedAt - call.startedAt) / 1000) : null,
    });
    await draft.clear();
    if (call.endedAt) finish();
    if (saved.caseId) navigate(`/desk/cases/${saved.caseId}`);
  };
  return (
    <ContactForm
      draft={draft.value}
      update={draft.update}
      status={draft.status}
      offline={false}
      hotline={call.hotline}
      onSubmit={submit}
    />
  );
}

/** The contact form of the current call, or the counsellor's state while waiting for one. */
export function DeskHome({ call, finish }: { call: TActiveCall | null; finish: () => void }) {
  const { t } = useT('desk');
  const { snapshot } = useRealtime();
  if (!call)
    return (
      <>
        <p className="desk__idle muted" data-testid="desk-idle">
          {t(`presence.${snapshot?.me?.state ?? 'offline'}`)}
        </p>
        <MyFollowUps />
      </>
    );
  return <CallContact key={call.callSid} call={call} finish={finish} />;
}
