import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { SelectField, TextField } from '../../../shared/ui/field';
import {
  identifyingAuthorities,
  identifyPerson,
  victimStatuses,
  type TPerson,
} from '../api/people.api';
import { ActionError } from './action-error';

// Dates are typed the Lao way (day/month/year), as the rest of the app shows them, never in
// the browser's own (often US) date picker.
const isoFromLao = (text: string): string | null => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
};
const laoFromIso = (iso: string) => iso.split('-').reverse().join('/');
const todayIso = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Vientiane' }).format(new Date());

/** The person's victim status, who identified them and when (audited, on the case timeline). */
export function IdentificationForm({ person, onSaved }: { person: TPerson; onSaved: () => void }) {
  const { t } = useT('case');
  const [status, setStatus] = useState<string>(person.victimStatus);
  const [authority, setAuthority] = useState<string>(person.identifiedBy ?? 'police');
  const [date, setDate] = useState(laoFromIso(person.identificationDate ?? todayIso()));
  const [error, setError] = useState<unknown>(null);
  const [badDate, setBadDate] = useState(false);
  const identified = status === 'identified';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const iso = identified ? isoFromLao(date) : null;
    setBadDate(identified && !iso);
    if (identified && !iso) return;
    try {
      await identifyPerson(person.id, {
        victimStatus: status as TPerson['victimStatus'],
        identifiedBy: identified ? (authority as (typeof identifyingAuthorities)[number]) : null,
        identificationDate: iso,
        version: person.version,
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="identification-form"
      aria-label={t('identification.title')}
    >
      <div className="grid-2">
        <SelectField
          label={t('identification.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={victimStatuses.map((s) => ({
            value: s,
            label: t(`identification.statuses.${s}`),
          }))}
        />
        {identified ? (
          <>
            <SelectField
              label={t('identification.authority')}
              value={authority}
              onChange={(e) => setAuthority(e.target.value)}
              options={identifyingAuthorities.map((a) => ({
                value: a,
                label: t(`identification.authorities.${a}`),
              }))}
            />
            <TextField
              label={t('identification.date')}
              hint={t('identification.dateHint')}
              inputMode="numeric"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          </>
        ) : null}
      </div>
      {badDate ? (
        <p className="error-text" role="alert">
          {t('identification.badDate')}
        </p>
      ) : null}
      <ActionError error={error} />
      <button type="submit" className="button">
        {t('identification.save')}
      </button>
    </form>
  );
}
