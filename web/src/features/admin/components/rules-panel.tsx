import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../../shared/i18n/i18n';
import { provinceOptions } from '../../../shared/reference/reference-data';
import { ErrorText } from '../../../shared/ui/error-text';
import { SelectField, TextField } from '../../../shared/ui/field';
import {
  createRule,
  fetchRules,
  fetchUnits,
  referralNeeds,
  updateRule,
  type TNeed,
  type TRule,
  type TUnit,
} from '../api/directory.api';
import { RoutingTester } from './routing-tester';

/** Referral rules as data: need (+ conditions) → unit and alternate; with the routing tester. */
export function RulesPanel() {
  const { t, i18n } = useT('admin');
  const language = i18n.language === 'en' ? 'en' : 'lo';
  const [rules, setRules] = useState<TRule[] | null>(null);
  const [units, setUnits] = useState<TUnit[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [need, setNeed] = useState<TNeed>('shelter');
  const [province, setProvince] = useState('');
  const [ageGroup, setAgeGroup] = useState('');
  const [unitId, setUnitId] = useState('');
  const [rank, setRank] = useState('100');
  const load = useCallback(() => {
    fetchRules().then(setRules, setError);
    fetchUnits().then(setUnits, setError);
  }, []);
  useEffect(load, [load]);
  const unitName = (id: string | null) => {
    const unit = units.find((u) => u.id === id);
    return unit ? (language === 'en' ? unit.nameEn : unit.nameLo) : '—';
  };
  const done = (p: Promise<unknown>) => {
    setError(null);
    setSaved(false);
    p.then(() => {
      setSaved(true);
      load();
    }, setError);
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    done(
      createRule({
        need,
        provinceCode: province || null,
        ageGroup: ageGroup === 'child' || ageGroup === 'adult' ? ageGroup : null,
        sex: null,
        nationality: null,
        exploitationForm: null,
        unitId,
        alternateUnitId: null,
        rank: Number(rank),
        active: true,
      }),
    );
  };
  const conditions = (r: TRule) =>
    [
      r.provinceCode
        ? (provinceOptions(language).find((p) => p.value === r.provinceCode)?.label ??
          r.provinceCode)
        : null,
      r.ageGroup ? t(`rules.${r.ageGroup}`) : null,
      r.sex,
      r.nationality,
      r.exploitationForm,
    ]
      .filter(Boolean)
      .join(' · ') || t('rules.any');

  return (
    <>
      <RoutingTester />
      <ErrorText error={error} />
      {saved ? (
        <p role="status" className="tag tag--ok">
          {t('rules.saved')}
        </p>
      ) : null}
      <h2>{t('rules.title')}</h2>
      {rules ? (
        <table className="panel" data-testid="rules">
          <thead>
            <tr>
              <th>{t('rules.need')}</th>
              <th>{t('rules.conditions')}</th>
              <th>{t('rules.unit')}</th>
              <th>{t('rules.alternate')}</th>
              <th>{t('rules.rank')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} className={r.active ? undefined : 'muted'}>
                <td>{t(`common:needs.${r.need}`)}</td>
                <td>{conditions(r)}</td>
                <td>{unitName(r.unitId)}</td>
                <td>{r.alternateUnitId ? unitName(r.alternateUnitId) : t('rules.none')}</td>
                <td>{r.rank}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    onClick={() => done(updateRule(r.id, { active: !r.active }))}
                  >
                    {r.active ? t('rules.deactivate') : t('rules.activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="loading">{t('common:status.loading')}</p>
      )}
      <form className="panel admin-form" onSubmit={add}>
        <h2>{t('rules.add')}</h2>
        <div className="admin-form__row">
          <SelectField
            label={t('rules.need')}
            value={need}
            options={referralNeeds.map((n) => ({ value: n, label: t(`common:needs.${n}`) }))}
            onChange={(e) => setNeed(e.target.value as TNeed)}
          />
          <SelectField
            label={t('rules.province')}
            value={province}
            placeholder={t('rules.anyProvince')}
            options={provinceOptions(language)}
            onChange={(e) => setProvince(e.target.value)}
          />
          <SelectField
            label={t('rules.ageGroup')}
            value={ageGroup}
            placeholder={t('rules.anyAge')}
            options={[
              { value: 'child', label: t('rules.child') },
              { value: 'adult', label: t('rules.adult') },
            ]}
            onChange={(e) => setAgeGroup(e.target.value)}
          />
          <SelectField
            label={t('rules.unit')}
            value={unitId}
            required
            placeholder="—"
            options={units.map((u) => ({
              value: u.id,
              label: language === 'en' ? u.nameEn : u.nameLo,
            }))}
            onChange={(e) => setUnitId(e.target.value)}
          />
          <TextField
            label={t('rules.rank')}
            type="number"
            min={0}
            max={10000}
            value={rank}
            onChange={(e) => setRank(e.target.value)}
          />
        </div>
        <div className="admin-form__footer">
          <button type="submit" className="button button--primary">
            {t('rules.add')}
          </button>
        </div>
      </form>
    </>
  );
}
