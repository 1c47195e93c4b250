import { useState, type FormEvent } from 'react';
import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import {
  countryOptions,
  exploitationOptions,
  provinceOptions,
} from '../../../shared/reference/reference-data';
import { SelectField, TextField } from '../../../shared/ui/field';
import { PlacePicker, type TPlace } from '../../../shared/ui/place-picker';
import { addPerson, type TPersonInput } from '../api/people.api';
import { useFormDefinition } from '../hooks/use-form-definition';
import { ActionError } from './action-error';
import { PersonProfileSections } from './person-profile-sections';
import { blankProfile, profileDatesValid, profileInput, shownFields } from './profile-draft';

const spokenLanguages = ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'];

/** A blank person: the form starts from this and returns to it after each save. */
const blankPerson = () => ({
  fullName: '',
  sex: 'unknown',
  age: '',
  nationalities: [{ kind: 'country', code: 'LA' }] as TPlace[],
  province: '',
  // '' = the caller's language, which the server takes from the case's contact.
  language: '',
  forms: [] as string[],
  profile: blankProfile(),
});

/** A victim's statistics fields and the hotline's profile sections; identifying fields optional. */
export function PersonForm({
  caseId,
  hotline,
  onSaved,
}: {
  caseId: string;
  hotline: string;
  onSaved: () => void;
}) {
  const { t } = useT('case');
  const lang = currentUiLanguage();
  const { view, error: definitionError } = useFormDefinition(hotline);
  const [form, setForm] = useState(blankPerson);
  const [error, setError] = useState<unknown>(null);
  const [badDates, setBadDates] = useState(false);
  const patch = (p: Partial<typeof form>) => setForm((f) => ({ ...f, ...p }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const datesOk = profileDatesValid(form.profile);
    setBadDates(!datesOk);
    if (!view || !datesOk) return;
    const input: TPersonInput = {
      role: 'victim',
      fullName: form.fullName.trim() || null,
      sex: form.sex as TPersonInput['sex'],
      ageAtIdentification: form.age ? Number(form.age) : null,
      nationalities: form.nationalities.map((n) => n.code),
      residenceProvinceCode: form.province || null,
      exploitationForms: form.forms,
      languages: form.language ? [form.language] : [],
      formVersion: view.version,
      ...profileInput(form.profile, shownFields(view.definition)),
    };
    try {
      await addPerson(caseId, input);
      // The next person starts blank: one victim's name, age, forms of exploitation and profile
      // must never be stored (and referred) under the next one.
      setForm(blankPerson());
      onSaved();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="person-form"
      aria-label={t('addPerson')}
      data-form-version={view?.version ?? ''}
    >
      <div className="grid-2">
        <TextField
          label={t('person.name')}
          value={form.fullName}
          onChange={(e) => patch({ fullName: e.target.value })}
        />
        <SelectField
          label={t('person.sex')}
          value={form.sex}
          onChange={(e) => patch({ sex: e.target.value })}
          options={(['female', 'male', 'other', 'unknown'] as const).map((s) => ({
            value: s,
            label: t(`person.sexes.${s}`),
          }))}
        />
        <TextField
          label={t('person.age')}
          type="number"
          min={0}
          max={120}
          value={form.age}
          onChange={(e) => patch({ age: e.target.value })}
        />
        <PlacePicker
          label={t('person.nationality')}
          options={countryOptions(lang).map((c) => ({ ...c, kind: 'country', code: c.value }))}
          value={form.nationalities}
          onChange={(nationalities) => patch({ nationalities })}
        />
        <SelectField
          label={t('person.province')}
          value={form.province}
          placeholder="—"
          onChange={(e) => patch({ province: e.target.value })}
          options={provinceOptions(lang)}
        />
        <SelectField
          label={t('person.language')}
          value={form.language}
          placeholder={t('person.callerLanguage')}
          onChange={(e) => patch({ language: e.target.value })}
          options={spokenLanguages.map((l) => ({ value: l, label: t(`desk:languages.${l}`) }))}
        />
      </div>
      <fieldset>
        <legend>{t('person.exploitation')}</legend>
        <div className="checks">
          {exploitationOptions(lang).map((o) => (
            <label key={o.value}>
              <input
                type="checkbox"
                checked={form.forms.includes(o.value)}
                onChange={(e) =>
                  patch({
                    forms: e.target.checked
                      ? [...form.forms, o.value]
                      : form.forms.filter((f) => f !== o.value),
                  })
                }
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {view ? (
        <PersonProfileSections
          definition={view.definition}
          draft={form.profile}
          patch={(p) => setForm((f) => ({ ...f, profile: { ...f.profile, ...p } }))}
        />
      ) : null}
      {badDates && !profileDatesValid(form.profile) ? (
        <p className="error-text" role="alert">
          {t('profile:badDates')}
        </p>
      ) : null}
      <ActionError error={error ?? definitionError} />
      <button type="submit" className="button button--primary" disabled={!view}>
        {t('person.save')}
      </button>
    </form>
  );
}
