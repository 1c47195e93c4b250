import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField } from '../../../shared/ui/field';
import { recordConsent } from '../api/people.api';
import { ActionError } from './action-error';

const scopes = [
  'share_with_service_providers',
  'report_to_police',
  'share_with_labour_authority',
  'case_management',
  'follow_up_contact',
  'anonymised_statistics',
] as const;

/** Records one consent decision (versioned on the server; a change is a new version). */
export function ConsentForm({ personId, onSaved }: { personId: string; onSaved: () => void }) {
  const { t } = useT('case');
  const [scope, setScope] = useState<string>(scopes[0]);
  const [givenBy, setGivenBy] = useState('self');
  const [method, setMethod] = useState('verbal_phone');
  const [granted, setGranted] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await recordConsent(personId, { scope, granted, givenBy, method });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="consent-form" aria-label={t('consent.title')}>
      <div className="grid-2">
        <SelectField
          label={t('consent.scope')}
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          options={scopes.map((s) => ({ value: s, label: t(`consent.scopes.${s}`) }))}
        />
        <SelectField
          label={t('consent.givenBy')}
          value={givenBy}
          onChange={(e) => setGivenBy(e.target.value)}
          options={(['self', 'parent_or_guardian', 'legal_representative'] as const).map((g) => ({
            value: g,
            label: t(`consent.givers.${g}`),
          }))}
        />
        <SelectField
          label={t('consent.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value)}
          options={(['verbal_phone', 'verbal_in_person', 'written', 'electronic'] as const).map(
            (m) => ({
              value: m,
              label: t(`consent.methods.${m}`),
            }),
          )}
        />
        <div className="checks" role="radiogroup" aria-label={t('consent.title')}>
          <label>
            <input
              type="radio"
              name={`granted-${personId}`}
              checked={granted}
              onChange={() => setGranted(true)}
            />
            {t('consent.granted')}
          </label>
          <label>
            <input
              type="radio"
              name={`granted-${personId}`}
              checked={!granted}
              onChange={() => setGranted(false)}
            />
            {t('consent.refused')}
          </label>
        </div>
      </div>
      <ActionError error={error} />
      <button type="submit" className="button">
        {t('consent.record')}
      </button>
    </form>
  );
}
