import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../shared/format/date-format';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import { saveHotline, type THotline, type THotlineChange } from '../api/hotlines.api';
import { OpeningHoursEditor } from './opening-hours-editor';

const LANGUAGE_CODES = ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'] as const;

type TProps = { hotline: THotline; onSaved: (hotline: THotline) => void };

/** Edits one hotline; the API audits the change and every API node reloads it at once. */
export function HotlineForm({ hotline, onSaved }: TProps) {
  const { t, i18n } = useT('admin');
  const [draft, setDraft] = useState<THotlineChange>({
    openingHours: hotline.openingHours,
    afterHours: hotline.afterHours,
    dutyMobile: hotline.dutyMobile,
    languages: hotline.languages,
    defaultLanguage: hotline.defaultLanguage,
    recordingNotice: hotline.recordingNotice,
    afterCallQuestion: hotline.afterCallQuestion,
    active: hotline.active,
  });
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const set = (change: THotlineChange) => {
    setDraft((d) => ({ ...d, ...change }));
    setState('idle');
  };
  const languages = draft.languages ?? [];
  const languageName = (code: string) => t(`languageNames.${code}`, { defaultValue: code });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('saving');
    setError(null);
    try {
      onSaved(
        await saveHotline(hotline.number, { ...draft, dutyMobile: draft.dutyMobile || null }),
      );
      setState('saved');
    } catch (err) {
      setError(err);
      setState('idle');
    }
  };

  return (
    <form className="panel admin-form" onSubmit={(e) => void submit(e)}>
      <h2>
        {hotline.number} — {i18n.language === 'en' ? hotline.nameEn : hotline.nameLo}
      </h2>
      <p className="muted">
        {t('hotlines.phoneNumber')}: <span dir="ltr">{hotline.phoneNumber}</span> ·{' '}
        {t('hotlines.updated', { at: formatDateTime(hotline.updatedAt) })}
      </p>
      {draft.openingHours ? (
        <OpeningHoursEditor
          value={draft.openingHours}
          onChange={(openingHours) => set({ openingHours })}
        />
      ) : null}
      <div className="admin-form__row">
        <SelectField
          label={t('form.afterHours')}
          value={draft.afterHours}
          onChange={(e) => set({ afterHours: e.target.value as THotline['afterHours'] })}
          options={[
            { value: 'voicemail', label: t('form.voicemail') },
            { value: 'forward', label: t('form.forward') },
          ]}
        />
        <TextField
          label={t('form.dutyMobile')}
          hint={t('form.dutyMobileHint')}
          type="tel"
          inputMode="tel"
          value={draft.dutyMobile ?? ''}
          onChange={(e) => set({ dutyMobile: e.target.value.trim() })}
        />
      </div>
      <fieldset>
        <legend>{t('form.languages')}</legend>
        <div className="checks">
          {LANGUAGE_CODES.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                checked={languages.includes(code)}
                onChange={(e) =>
                  set({
                    languages: e.target.checked
                      ? [...languages, code]
                      : languages.filter((l) => l !== code),
                  })
                }
              />
              {languageName(code)}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        label={t('form.defaultLanguage')}
        value={draft.defaultLanguage}
        onChange={(e) => set({ defaultLanguage: e.target.value })}
        options={languages.map((code) => ({ value: code, label: languageName(code) }))}
      />
      <div className="checks">
        <label>
          <input
            type="checkbox"
            checked={draft.recordingNotice ?? false}
            onChange={(e) => set({ recordingNotice: e.target.checked })}
          />
          {t('form.recordingNotice')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.afterCallQuestion ?? false}
            onChange={(e) => set({ afterCallQuestion: e.target.checked })}
          />
          {t('form.afterCallQuestion')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.active ?? true}
            onChange={(e) => set({ active: e.target.checked })}
          />
          {t('form.active')}
        </label>
      </div>
      <ErrorText error={error} />
      <p className="admin-form__footer">
        <button type="submit" className="button button--primary" disabled={state === 'saving'}>
          {state === 'saving' ? t('common:status.saving') : t('form.save')}
        </button>
        {state === 'saved' ? (
          <span role="status" className="tag tag--ok">
            {t('form.saved')}
          </span>
        ) : null}
        <small className="muted">{t('form.audited')}</small>
      </p>
    </form>
  );
}
