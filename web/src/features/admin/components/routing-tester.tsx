import { useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { provinceOptions } from '../../../shared/reference/reference-data';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import {
  previewRouting,
  referralNeeds,
  type TNeed,
  type TPreview,
  type TSubject,
} from '../api/directory.api';

const sexes = ['female', 'male', 'other', 'unknown'] as const;

/** "Which partner would get this?": the worker's own decision, run on a made-up person. */
export function RoutingTester() {
  const { t, i18n } = useT('admin');
  const language = i18n.language === 'en' ? 'en' : 'lo';
  const [needs, setNeeds] = useState<TNeed[]>(['shelter']);
  const [sex, setSex] = useState<TSubject['sex']>('female');
  const [age, setAge] = useState('16');
  const [nationality, setNationality] = useState('LA');
  const [province, setProvince] = useState('LA-VT');
  const [result, setResult] = useState<TPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = (need: TNeed) =>
    setNeeds((list) => (list.includes(need) ? list.filter((n) => n !== need) : [...list, need]));
  const nameOf = (u: { nameLo: string; nameEn: string }) =>
    language === 'en' ? u.nameEn : u.nameLo;
  const needNames = (list: string[]) => list.map((n) => t(`common:needs.${n}`)).join(', ');

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const years = age === '' ? null : Number(age);
    try {
      setResult(
        await previewRouting(needs, {
          sex,
          age: years,
          isChild: years !== null && years < 18,
          nationality: nationality || null,
          provinceCode: province || null,
          exploitationForms: [],
          languages: [],
        }),
      );
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form className="panel admin-form" onSubmit={(e) => void run(e)} data-testid="routing-tester">
      <h2>{t('tester.title')}</h2>
      <p className="muted">{t('tester.hint')}</p>
      <fieldset>
        <legend>{t('tester.needs')}</legend>
        {referralNeeds.map((n) => (
          <label key={n} className="admin-check">
            <input type="checkbox" checked={needs.includes(n)} onChange={() => toggle(n)} />{' '}
            {t(`common:needs.${n}`)}
          </label>
        ))}
      </fieldset>
      <div className="admin-form__row">
        <SelectField
          label={t('tester.sex')}
          value={sex}
          options={sexes.map((s) => ({ value: s, label: t(`tester.sexes.${s}`) }))}
          onChange={(e) => setSex(e.target.value as TSubject['sex'])}
        />
        <TextField
          label={t('tester.age')}
          type="number"
          min={0}
          max={120}
          value={age}
          onChange={(e) => setAge(e.target.value)}
        />
        <TextField
          label={t('tester.nationality')}
          value={nationality}
          maxLength={2}
          onChange={(e) => setNationality(e.target.value.toUpperCase())}
        />
        <SelectField
          label={t('tester.province')}
          value={province}
          options={provinceOptions(language)}
          onChange={(e) => setProvince(e.target.value)}
        />
      </div>
      <div className="admin-form__footer">
        <button type="submit" className="button button--primary" disabled={!needs.length}>
          {t('tester.run')}
        </button>
      </div>
      <ErrorText error={error} />
      {result ? (
        <ul role="status" data-testid="routing-result">
          {result.units.map((u) => (
            <li key={u.id}>
              <strong>{t('tester.goesTo', { needs: needNames(u.needs), unit: nameOf(u) })}</strong>
              {u.alternate ? (
                <small> · {t('tester.alternate', { unit: nameOf(u.alternate) })}</small>
              ) : null}
            </li>
          ))}
          {result.unrouted.length ? (
            <li className="tag tag--danger">
              {t('tester.unrouted', { needs: needNames(result.unrouted) })}
            </li>
          ) : null}
        </ul>
      ) : null}
    </form>
  );
}
