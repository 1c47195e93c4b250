import { useState } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { navigate } from '../../../shared/router/router';
import { useUser } from '../../../shared/session/session-context';
import { SelectField } from '../../../shared/ui/field';
import { saveContact } from '../api/records.api';
import { useDraft } from '../hooks/use-draft';
import { emptyDraft } from './contact-draft';
import { ContactForm } from './contact-form';

/** A walk-in or field visit recorded after the fact, with the same form and draft keeping. */
export function OfflineContact() {
  const { t } = useT('desk');
  const user = useUser();
  const [hotline, setHotline] = useState(user.hotlines[0] ?? '');
  const draft = useDraft('offline', emptyDraft('walk_in', 'lo'));
  const submit = async () => {
    const saved = await saveContact({ draft: draft.value, hotline, durationSeconds: null });
    await draft.clear();
    navigate(saved.caseId ? `/desk/cases/${saved.caseId}` : '/desk');
  };
  return (
    <div className="offline-contact">
      <SelectField
        label={t('offer.hotline')}
        value={hotline}
        onChange={(e) => setHotline(e.target.value)}
        options={user.hotlines.map((h) => ({ value: h, label: h }))}
      />
      <ContactForm
        draft={draft.value}
        update={draft.update}
        status={draft.status}
        offline
        hotline={hotline}
        onSubmit={submit}
      />
    </div>
  );
}
