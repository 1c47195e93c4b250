import { useState, type FormEvent } from 'react';
import type { TFormDefinition } from '../../../../../src/contracts/victim-profile';
import { useT } from '../../../shared/i18n/i18n';
import { updateProfile, type TPerson } from '../api/people.api';
import { ActionError } from './action-error';
import { PersonProfileSections } from './person-profile-sections';
import { profileDatesValid, profileFromPerson, profileInput, shownFields } from './profile-draft';

/** The profile of a person already on the case, as the hotline's form shows it; audited on save. */
export function PersonProfileEditor({
  person,
  definition,
  onSaved,
}: {
  person: TPerson;
  definition: TFormDefinition;
  onSaved: () => void;
}) {
  const { t } = useT('profile');
  const [draft, setDraft] = useState(() => profileFromPerson(person));
  const [error, setError] = useState<unknown>(null);
  const [badDates, setBadDates] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const ok = profileDatesValid(draft);
    setBadDates(!ok);
    if (!ok) return;
    try {
      await updateProfile(person.id, {
        ...profileInput(draft, shownFields(definition), person.stageLocations),
        version: person.version,
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="person-profile" aria-label={t('edit')}>
      <PersonProfileSections
        definition={definition}
        draft={draft}
        patch={(p) => setDraft((d) => ({ ...d, ...p }))}
      />
      {badDates && !profileDatesValid(draft) ? (
        <p className="error-text" role="alert">
          {t('badDates')}
        </p>
      ) : null}
      <ActionError error={error} />
      <button type="submit" className="button">
        {t('save')}
      </button>
    </form>
  );
}
