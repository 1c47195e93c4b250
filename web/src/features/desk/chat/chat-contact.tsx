import { useT } from '../../../shared/i18n/i18n';
import { navigate } from '../../../shared/router/router';
import { saveContact } from '../api/records.api';
import { emptyDraft } from '../components/contact-draft';
import { ContactForm } from '../components/contact-form';
import { useDraft } from '../hooks/use-draft';
import type { TChatConversation } from '../../../../../src/contracts/chat';

/**
 * The contact record of one chat, as a call's: its draft is kept on the server under the
 * conversation, and saving links the conversation to the new contact (the transcript goes with
 * the record).
 */
export function ChatContact({ conversation }: { conversation: TChatConversation }) {
  const { t } = useT('deskChat');
  const draft = useDraft(`chat:${conversation.id}`, emptyDraft('chat', conversation.language));
  const submit = async () => {
    const started = Date.parse(conversation.startedAt);
    const ended = conversation.endedAt ? Date.parse(conversation.endedAt) : null;
    const saved = await saveContact({
      draft: draft.value,
      hotline: conversation.hotline,
      conversationId: conversation.id,
      durationSeconds: ended ? Math.round((ended - started) / 1000) : null,
    });
    await draft.clear();
    if (saved.caseId) navigate(`/desk/cases/${saved.caseId}`);
  };
  return (
    <section className="chat-contact" aria-label={t('contact')}>
      <h3>{t('contact')}</h3>
      <ContactForm
        draft={draft.value}
        update={draft.update}
        status={draft.status}
        offline={false}
        hotline={conversation.hotline}
        onSubmit={submit}
      />
    </section>
  );
}
