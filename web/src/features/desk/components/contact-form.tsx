import { useState, type FormEvent } from 'react';
import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import { exploitationOptions, provinceOptions } from '../../../shared/reference/reference-data';
import { SelectField, TextArea, TextField } from '../../../shared/ui/field';
import type { TDraftStatus } from '../hooks/use-draft';
import { ActionError } from './action-error';
import { callerTypes, contactTypes, type TContactDraft } from './contact-draft';
import { ContactReasons } from './contact-reasons';
import { useFormDefinition } from '../hooks/use-form-definition';
import '../contact.strings';

type TContactFormProps = {
  draft: TContactDraft;
  update: (patch: Partial<TContactDraft>) => void;
  status: TDraftStatus;
  offline: boolean;
  /** The hotline the contact is for: its form definition says which sections to ask. */
  hotline?: string;
  onSubmit: () => Promise<void>;
};

const LANGUAGES = ['lo', 'hmn', 'kjg', 'en', 'th', 'vi', 'zh'];

/** Caller, what it is about, safety and summary; each change is kept as a draft at once. */
export function ContactForm({
  draft,
  update,
  status,
  offline,
  hotline,
  onSubmit,
}: TContactFormProps) {
  const { t } = useT('contact');
  const lang = currentUiLanguage();
  const form = useFormDefinition(hotline ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const check = (
    key: 'interpreterUsed' | 'interpreterNeeded' | 'noSms' | 'noVoicemail',
    label: string,
  ) => (
    <label>
      <input
        type="checkbox"
        checked={draft[key]}
        onChange={(e) => update({ [key]: e.target.checked })}
      />
      {label}
    </label>
  );

  return (
    <form
      className="contact-form"
      onSubmit={submit}
      aria-labelledby="contact-title"
      data-testid="contact-form"
      data-form-hotline={form.view?.hotline ?? ''}
    >
      <header className="contact-form__head">
        <h2 id="contact-title">{offline ? t('offlineTitle') : t('title')}</h2>
        <span className="muted" role="status" data-testid="draft-status">
          {t(`draft.${status}`)}
        </span>
      </header>
      <fieldset className="contact-form__safety">
        <legend>{t('safety.legend')}</legend>
        <div className="checks" role="radiogroup" aria-label={t('safety.safeToTalk')}>
          <strong>{t('safety.safeToTalk')}</strong>
          {(['yes', 'no', 'unknown'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="safeToTalk"
                checked={draft.safeToTalk === v}
                onChange={() => update({ safeToTalk: v })}
              />
              {t(`safety.${v}`)}
            </label>
          ))}
        </div>
        <div className="grid-2">
          <TextField
            label={t('safety.window')}
            value={draft.safeCallbackWindow}
            onChange={(e) => update({ safeCallbackWindow: e.target.value })}
          />
          <TextField
            label={t('safety.codeWord')}
            value={draft.codeWord}
            onChange={(e) => update({ codeWord: e.target.value })}
          />
        </div>
        <div className="checks">
          {check('noSms', t('safety.noSms'))}
          {check('noVoicemail', t('safety.noVoicemail'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('caller.legend')}</legend>
        <div className="grid-2">
          <TextField
            label={t('caller.name')}
            value={draft.callerName}
            onChange={(e) => update({ callerName: e.target.value })}
          />
          {offline ? (
            <TextField
              label={t('caller.phone')}
              type="tel"
              value={draft.callerPhone}
              onChange={(e) => update({ callerPhone: e.target.value })}
            />
          ) : null}
          <SelectField
            label={t('caller.type')}
            value={draft.callerType}
            onChange={(e) => update({ callerType: e.target.value })}
            options={callerTypes.map((c) => ({ value: c, label: t(`caller.types.${c}`) }))}
          />
          <SelectField
            label={t('caller.province')}
            value={draft.callerProvinceCode}
            placeholder="—"
            onChange={(e) => update({ callerProvinceCode: e.target.value })}
            options={provinceOptions(lang)}
          />
          <SelectField
            label={t('caller.language')}
            value={draft.language}
            onChange={(e) => update({ language: e.target.value })}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`desk:languages.${l}`) }))}
          />
        </div>
        <div className="checks">
          {check('interpreterNeeded', t('caller.interpreterNeeded'))}
          {check('interpreterUsed', t('caller.interpreter'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('about.legend')}</legend>
        <div className="grid-2">
          <SelectField
            label={t('about.contactType')}
            value={draft.contactType}
            onChange={(e) => update({ contactType: e.target.value })}
            options={contactTypes.map((c) => ({ value: c, label: t(`about.types.${c}`) }))}
          />
          <SelectField
            label={t('about.exploitation')}
            value={draft.categoryCode}
            placeholder="—"
            onChange={(e) => update({ categoryCode: e.target.value })}
            options={exploitationOptions(lang)}
          />
          {offline ? (
            <>
              <SelectField
                label={t('about.channel')}
                value={draft.channel}
                onChange={(e) => update({ channel: e.target.value as TContactDraft['channel'] })}
                options={(['walk_in', 'field_visit'] as const).map((c) => ({
                  value: c,
                  label: t(`about.channels.${c}`),
                }))}
              />
              <TextField
                label={t('about.occurredAt')}
                type="datetime-local"
                value={draft.occurredAt}
                onChange={(e) => update({ occurredAt: e.target.value })}
              />
            </>
          ) : null}
        </div>
        {form.view?.definition.contact.map((section) => (
          <ContactReasons
            key={section.key}
            chosen={draft.contactReasons ?? []}
            onChange={(contactReasons) => update({ contactReasons })}
          />
        ))}
        <TextArea
          label={t('summary')}
          rows={5}
          value={draft.summary}
          onChange={(e) => update({ summary: e.target.value })}
        />
      </fieldset>
      <fieldset>
        <legend>{t('caseLegend')}</legend>
        <div className="checks">
          {(['new', 'existing', 'none'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="caseChoice"
                checked={draft.caseChoice === c}
                onChange={() => update({ caseChoice: c })}
              />
              {t(c === 'new' ? 'newCase' : c === 'existing' ? 'linkCase' : 'noCase')}
            </label>
          ))}
        </div>
        {draft.caseChoice === 'existing' ? (
          <TextField
            label={t('caseSearch')}
            placeholder="SD-2026-000123"
            required
            value={draft.caseCode}
            onChange={(e) => update({ caseCode: e.target.value.toUpperCase() })}
          />
        ) : null}
      </fieldset>
      <ActionError error={error} />
      <div className="contact-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('save')}
        </button>
      </div>
    </form>
  );
}
