import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import {
  createUnit,
  fetchOrganisations,
  intakeSexes,
  partnerKinds,
  type TOrganisation,
  type TUnit,
} from '../api/directory.api';
import { LanguageChecks, ProvinceChecks, ServiceChecks, toggle } from './code-checks';
import { OpeningHoursEditor } from './opening-hours-editor';
import {
  checkDraft,
  emptyDraft,
  fieldsOfError,
  type TDraftField,
  type TUnitDraft,
} from './unit-draft.policy';

// The label naming each field in "Please check: …" (the same words as on the form).
const fieldLabel: Record<TDraftField, string> = {
  organisationKey: 'partners.new.organisation',
  nameLo: 'partners.nameLo',
  nameEn: 'partners.nameEn',
  kind: 'partners.kind',
  services: 'partners.services',
  provinces: 'partners.provinces',
  languages: 'partners.languages',
  hours: 'partners.hours',
  sexes: 'partners.new.sexes',
  minAge: 'partners.new.minAge',
  maxAge: 'partners.new.maxAge',
  nationalities: 'partners.new.nationalities',
  usesSystem: 'partners.usesSystem',
  smsNumbers: 'partners.smsNumbers',
  webhookUrl: 'partners.webhookUrl',
  webhookSecret: 'partners.new.webhookSecret',
  active: 'partners.active',
};

/** A new partner unit: checked in the browser with the API's own schema, then created (audited). */
export function UnitCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (unit: TUnit) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useT('admin');
  const language = i18n.language === 'en' ? 'en' : 'lo';
  const [organisations, setOrganisations] = useState<TOrganisation[]>([]);
  const [draft, setDraft] = useState<TUnitDraft>(emptyDraft);
  const [invalid, setInvalid] = useState<TDraftField[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchOrganisations().then(setOrganisations, setError);
  }, []);
  const set = (change: Partial<TUnitDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    // A field being corrected is no longer named in "Please check: …".
    setInvalid((list) => list.filter((f) => !(f in change)));
  };
  const bad = (field: TDraftField) => invalid.includes(field) || undefined;
  const nameOf = (o: { nameLo: string; nameEn: string }) =>
    language === 'en' ? o.nameEn : o.nameLo;

  const chooseOrganisation = (key: string) => {
    const kind = organisations.find((o) => o.key === key)?.kind;
    // The organisation's own kind is the likely one for its unit; the administrator may change it.
    const known = partnerKinds.find((k) => k === kind);
    set(known ? { organisationKey: key, kind: known } : { organisationKey: key });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setInvalid(checked.fields);
      return;
    }
    setInvalid([]);
    setBusy(true);
    try {
      onCreated(await createUnit(checked.input));
    } catch (err) {
      setError(err);
      setInvalid(fieldsOfError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel admin-form"
      noValidate
      data-testid="unit-create"
      onSubmit={(e) => void submit(e)}
    >
      <h2>{t('partners.add')}</h2>
      <div className="admin-form__row">
        <SelectField
          label={t('partners.new.organisation')}
          value={draft.organisationKey}
          required
          aria-invalid={bad('organisationKey')}
          placeholder={t('partners.new.choose')}
          options={organisations.map((o) => ({ value: o.key, label: nameOf(o) }))}
          onChange={(e) => chooseOrganisation(e.target.value)}
        />
        <SelectField
          label={t('partners.kind')}
          value={draft.kind}
          aria-invalid={bad('kind')}
          options={partnerKinds.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
          onChange={(e) => set({ kind: e.target.value as TUnitDraft['kind'] })}
        />
        <TextField
          label={t('partners.nameLo')}
          lang="lo"
          required
          maxLength={200}
          aria-invalid={bad('nameLo')}
          value={draft.nameLo}
          onChange={(e) => set({ nameLo: e.target.value })}
        />
        <TextField
          label={t('partners.nameEn')}
          lang="en"
          required
          maxLength={200}
          aria-invalid={bad('nameEn')}
          value={draft.nameEn}
          onChange={(e) => set({ nameEn: e.target.value })}
        />
      </div>

      <ServiceChecks
        value={draft.services}
        invalid={!!bad('services')}
        onChange={(services) => set({ services })}
      />
      <ProvinceChecks
        value={draft.provinces}
        invalid={!!bad('provinces')}
        onChange={(provinces) => set({ provinces })}
      />
      <LanguageChecks
        value={draft.languages}
        invalid={!!bad('languages')}
        onChange={(languages) => set({ languages })}
      />

      <label className="admin-check">
        <input
          type="checkbox"
          checked={draft.hours.alwaysOpen}
          onChange={(e) => set({ hours: { ...draft.hours, alwaysOpen: e.target.checked } })}
        />
        {t('partners.alwaysOpen')}
      </label>
      {draft.hours.alwaysOpen ? null : (
        <OpeningHoursEditor
          value={{ weekly: draft.hours.weekly, holidays: draft.hours.holidays }}
          onChange={(next) => set({ hours: { ...draft.hours, ...next } })}
        />
      )}

      <fieldset>
        <legend>{t('partners.new.intake')}</legend>
        <div className="checks" aria-invalid={bad('sexes')}>
          <span>{t('partners.new.sexes')}:</span>
          {intakeSexes.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={draft.sexes.includes(s)}
                onChange={(e) => set({ sexes: toggle(draft.sexes, s, e.target.checked) })}
              />
              {t(`tester.sexes.${s}`)}
            </label>
          ))}
        </div>
        <div className="admin-form__row">
          <TextField
            label={t('partners.new.minAge')}
            type="number"
            min={0}
            max={120}
            aria-invalid={bad('minAge')}
            value={draft.minAge}
            onChange={(e) => set({ minAge: e.target.value })}
          />
          <TextField
            label={t('partners.new.maxAge')}
            type="number"
            min={0}
            max={120}
            aria-invalid={bad('maxAge')}
            value={draft.maxAge}
            onChange={(e) => set({ maxAge: e.target.value })}
          />
          <TextField
            label={t('partners.new.nationalities')}
            hint={t('partners.new.nationalitiesHint')}
            aria-invalid={bad('nationalities')}
            value={draft.nationalities}
            onChange={(e) => set({ nationalities: e.target.value.toUpperCase() })}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('partners.channels')}</legend>
        <label className="admin-check">
          <input
            type="checkbox"
            checked={draft.usesSystem}
            onChange={(e) => set({ usesSystem: e.target.checked })}
          />
          {t('partners.usesSystem')}
        </label>
        <div className="admin-form__row">
          <TextField
            label={t('partners.smsNumbers')}
            hint={t('partners.new.smsHint')}
            dir="ltr"
            inputMode="tel"
            aria-invalid={bad('smsNumbers')}
            value={draft.smsNumbers}
            onChange={(e) => set({ smsNumbers: e.target.value })}
          />
          <TextField
            label={t('partners.webhookUrl')}
            type="url"
            dir="ltr"
            aria-invalid={bad('webhookUrl')}
            value={draft.webhookUrl}
            onChange={(e) => set({ webhookUrl: e.target.value })}
          />
          <TextField
            label={t('partners.new.webhookSecret')}
            hint={t('partners.new.webhookSecretHint')}
            type="password"
            autoComplete="new-password"
            aria-invalid={bad('webhookSecret')}
            value={draft.webhookSecret}
            onChange={(e) => set({ webhookSecret: e.target.value })}
          />
        </div>
      </fieldset>

      <label className="admin-check">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(e) => set({ active: e.target.checked })}
        />
        {t('partners.active')}
      </label>

      {invalid.length ? (
        <p className="error-text" role="alert" data-testid="unit-create-fields">
          {t('partners.new.checkFields', {
            fields: invalid.map((f) => t(fieldLabel[f])).join(', '),
          })}
        </p>
      ) : (
        <ErrorText error={error} />
      )}
      <div className="admin-form__footer">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('partners.new.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
        <small className="muted">{t('form.audited')}</small>
      </div>
    </form>
  );
}
