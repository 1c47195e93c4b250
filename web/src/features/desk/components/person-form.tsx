import { useState, type FormEvent } from 'react';
import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import { exploitationOptions, provinceOptions } from '../../../shared/reference/reference-data';
import { SelectField, TextField } from '../../../shared/ui/field';
import { addPerson, type TPersonInput } from '../api/people.api';
import { ActionError } from './action-error';

const spokenLanguages = ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'];

/** A blank person: the form starts from this and returns to it after each save. */
const blankPerson = () => ({
  fullName: '',
  sex: 'unknown',
  age: '',
  nationality: 'LA',
  province: '',
  // '' = the caller's language, which the server takes from the case's contact.
  language: '',
  forms: [] as string[],
});

/** The statistics fields of a victim; identifying fields stay optional. */
export function PersonForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useT('case');
  const lang = currentUiLanguage();
  const [form, setForm] = useState(blankPerson);
  const [error, setError] = useState<unknown>(null);
  const patch = (p: Partial<typeof form>) => setForm((f) => ({ ...f, ...p }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input: TPersonInput = {
      role: 'victim',
      fullName: form.fullName.trim() || null,
      sex: form.sex as TPersonInput['sex'],
      ageAtIdentification: form.age ? Number(form.age) : null,
      nationalities: form.nationality ? [form.nationality.toUpperCase()] : [],
      residenceProvinceCode: form.province || null,
      exploitationForms: form.forms,
      languages: form.language ? [form.language] : [],
    };
    try {
      await addPerson(caseId, input);
      // The next person starts blank: one victim's name, age and forms of exploitation must
      // never be stored (and referred) under the next one.
      setForm(blankPerson());
      onSaved();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form onSubmit={submit} className="person-form" aria-label={t('addPerson')}>
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
        <TextField
          label={t('person.nationality')}
          maxLength={2}
          value={form.nationality}
          onChange={(e) => patch({ nationality: e.target.value.toUpperCase() })}
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
      <ActionError error={error} />
      <button type="submit" className="button button--primary">
        {t('person.save')}
      </button>
    </form>
  );
}
