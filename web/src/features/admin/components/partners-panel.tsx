import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { assistanceOptions, provinceOptions } from '../../../shared/reference/reference-data';
import { ErrorText } from '../../../shared/ui/error-text';
import { TextField } from '../../../shared/ui/field';
import { fetchUnits, updateUnit, type TUnit } from '../api/directory.api';
import { LanguageChecks, ProvinceChecks, ServiceChecks } from './code-checks';
import { OpeningHoursEditor } from './opening-hours-editor';
import { UnitCreateForm } from './unit-create-form';

const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function UnitForm({ unit, onSaved }: { unit: TUnit; onSaved: (u: TUnit) => void }) {
  const { t } = useT('admin');
  const [nameLo, setNameLo] = useState(unit.nameLo);
  const [nameEn, setNameEn] = useState(unit.nameEn);
  const [services, setServices] = useState(unit.services);
  const [provinces, setProvinces] = useState(unit.provinces);
  const [languages, setLanguages] = useState(unit.languages);
  const [sms, setSms] = useState(unit.smsNumbers.join(', '));
  const [webhookUrl, setWebhookUrl] = useState(unit.webhookUrl ?? '');
  const [usesSystem, setUsesSystem] = useState(unit.usesSystem);
  const [active, setActive] = useState(unit.active);
  const [hours, setHours] = useState(unit.hours);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onSaved(
        await updateUnit(unit.id, {
          nameLo,
          nameEn,
          services,
          provinces,
          languages,
          smsNumbers: splitList(sms),
          webhookUrl: webhookUrl.trim() || null,
          usesSystem,
          active,
          hours,
        }),
      );
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="panel admin-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('partners.editUnit', { name: unit.nameEn })}</h2>
      <div className="admin-form__row">
        <TextField
          label={t('partners.nameLo')}
          value={nameLo}
          required
          onChange={(e) => setNameLo(e.target.value)}
        />
        <TextField
          label={t('partners.nameEn')}
          value={nameEn}
          required
          onChange={(e) => setNameEn(e.target.value)}
        />
        <TextField
          label={t('partners.smsNumbers')}
          hint={t('partners.listHint')}
          value={sms}
          onChange={(e) => setSms(e.target.value)}
        />
        <TextField
          label={t('partners.webhookUrl')}
          type="url"
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.target.value)}
        />
      </div>
      <ServiceChecks value={services} onChange={setServices} />
      <ProvinceChecks value={provinces} onChange={setProvinces} />
      <LanguageChecks value={languages} onChange={setLanguages} />
      <label className="admin-check">
        <input
          type="checkbox"
          checked={usesSystem}
          onChange={(e) => setUsesSystem(e.target.checked)}
        />{' '}
        {t('partners.usesSystem')}
      </label>
      <label className="admin-check">
        <input
          type="checkbox"
          checked={hours.alwaysOpen}
          onChange={(e) => setHours({ ...hours, alwaysOpen: e.target.checked })}
        />{' '}
        {t('partners.alwaysOpen')}
      </label>
      {hours.alwaysOpen ? null : (
        <OpeningHoursEditor
          value={{ weekly: hours.weekly, holidays: hours.holidays }}
          onChange={(next) => setHours({ ...hours, ...next })}
        />
      )}
      <label className="admin-check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
        {t('partners.active')}
      </label>
      <ErrorText error={error} />
      <div className="admin-form__footer">
        <button type="submit" className="button button--primary">
          {t('form.save')}
        </button>
        <small className="muted">{t('form.audited')}</small>
      </div>
    </form>
  );
}

/** The partner directory: units, what they offer, where, in which languages, when and how reached. */
export function PartnersPanel() {
  const { t, i18n } = useT('admin');
  const [units, setUnits] = useState<TUnit[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // The message as a key and its unit, put into words when shown: a change of language re-words it.
  const [saved, setSaved] = useState<{ key: string; unit: TUnit } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    fetchUnits().then(setUnits, setError);
  }, []);
  useEffect(load, [load]);
  const unit = units?.find((u) => u.id === editing);
  const nameOf = (u: TUnit) => (i18n.language === 'en' ? u.nameEn : u.nameLo);
  // Deactivating keeps the unit and its history; routing simply stops choosing it.
  const setActive = (u: TUnit, active: boolean) => {
    setError(null);
    setSaved(null);
    updateUnit(u.id, { active }).then((changed) => {
      setSaved({ key: active ? 'partners.saved' : 'partners.deactivated', unit: changed });
      load();
    }, setError);
  };
  const provinces = provinceOptions(i18n.language === 'en' ? 'en' : 'lo');
  const services = assistanceOptions(i18n.language === 'en' ? 'en' : 'lo');
  const channels = (u: TUnit) =>
    [
      u.usesSystem ? t('partners.portal') : null,
      u.webhookUrl ? t('partners.webhook') : null,
      u.smsNumbers.length ? t('partners.sms') : null,
    ]
      .filter(Boolean)
      .join(', ') || '—';
  return (
    <>
      <ErrorText error={error} />
      {saved ? (
        <p role="status" className="tag tag--ok">
          {t(saved.key, { name: nameOf(saved.unit) })}
        </p>
      ) : null}
      {adding ? (
        <UnitCreateForm
          onCancel={() => setAdding(false)}
          onCreated={(u) => {
            setSaved({ key: 'partners.new.created', unit: u });
            setAdding(false);
            load();
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setSaved(null);
              setEditing(null);
              setAdding(true);
            }}
          >
            {t('partners.add')}
          </button>
        </p>
      )}
      {unit ? (
        <UnitForm
          key={unit.id}
          unit={unit}
          onSaved={(u) => {
            setSaved({ key: 'partners.saved', unit: u });
            setEditing(null);
            load();
          }}
        />
      ) : null}
      {units ? (
        <table className="panel" data-testid="partner-units">
          <thead>
            <tr>
              <th>{t('partners.name')}</th>
              <th>{t('partners.kind')}</th>
              <th>{t('partners.provinces')}</th>
              <th>{t('partners.languages')}</th>
              <th>{t('partners.hours')}</th>
              <th>{t('partners.channels')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id} className={u.active ? undefined : 'muted'}>
                <td>
                  <strong>{i18n.language === 'en' ? u.nameEn : u.nameLo}</strong>
                  {u.active ? null : (
                    <span className="tag tag--danger">{t('partners.inactive')}</span>
                  )}
                  <br />
                  <small>
                    {u.services
                      .map(
                        (code) =>
                          services.find((o) => o.value === code)?.label ??
                          t(`common:needs.${code}`, { defaultValue: code }),
                      )
                      .join(', ')}
                  </small>
                </td>
                <td>{t(`partners.kinds.${u.kind}`, { defaultValue: u.kind })}</td>
                <td>
                  {u.provinces
                    .map((code) => provinces.find((p) => p.value === code)?.label ?? code)
                    .join(', ') || '—'}
                </td>
                <td>
                  {u.languages
                    .map((code) => t(`languageNames.${code}`, { defaultValue: code }))
                    .join(', ') || '—'}
                </td>
                <td>
                  {u.hours.alwaysOpen
                    ? t('partners.alwaysOpen')
                    : Object.keys(u.hours.weekly)
                        .map((d) => t(`weekdays.${d}`))
                        .join(', ')}
                </td>
                <td>{channels(u)}</td>
                <td>
                  <div className="admin-row-actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={t('partners.editUnit', { name: u.nameEn })}
                      onClick={() => {
                        setSaved(null);
                        setAdding(false);
                        setEditing(u.id);
                      }}
                    >
                      {t('partners.edit')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={t(
                        u.active ? 'partners.deactivateUnit' : 'partners.reactivateUnit',
                        { name: u.nameEn },
                      )}
                      onClick={() => setActive(u, !u.active)}
                    >
                      {u.active ? t('partners.deactivate') : t('partners.reactivate')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="loading">{t('common:status.loading')}</p>
      )}
    </>
  );
}
