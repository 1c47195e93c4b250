import { useState, type FormEvent } from 'react';
import { currentUiLanguage, useT } from '../../../shared/i18n/i18n';
import { provinceOptions } from '../../../shared/reference/reference-data';
import { LaoDateField } from '../../../shared/ui/lao-date-field';
import type { TReportFilters } from '../api/reports.api';

const HOTLINES = ['1362', '1554', '1512'];
const periods = ['month', 'quarter', 'year', 'custom'] as const;

/** Period (month, quarter, year or custom dates), hotline, province and organisation. */
export function ReportFilters({
  value,
  onChange,
}: {
  value: TReportFilters;
  onChange: (f: TReportFilters) => void;
}) {
  const { t } = useT('reports');
  const [draft, setDraft] = useState(value);
  const set = <K extends keyof TReportFilters>(key: K, v: TReportFilters[K]) =>
    setDraft({ ...draft, [key]: v });
  // Custom dates typed the Lao way; one not readable yet holds the report back (the field says why).
  const [unreadable, setUnreadable] = useState({ from: false, to: false });
  const setDate = (key: 'from' | 'to') => (iso: string | null) => {
    setUnreadable((u) => ({ ...u, [key]: iso === null }));
    set(key, iso ?? '');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.period === 'custom' && (unreadable.from || unreadable.to || !draft.from || !draft.to))
      return;
    onChange(draft);
  };
  return (
    <form className="panel report-filters" onSubmit={submit}>
      <fieldset>
        <legend>{t('filters.legend')}</legend>
        <label>
          {t('filters.period')}
          <select
            value={draft.period}
            onChange={(e) => set('period', e.target.value as TReportFilters['period'])}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {t(`filters.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.period === 'custom' ? (
          <>
            <LaoDateField
              label={t('filters.from')}
              required
              iso={unreadable.from ? null : draft.from}
              onIso={setDate('from')}
            />
            <LaoDateField
              label={t('filters.to')}
              required
              iso={unreadable.to ? null : draft.to}
              onIso={setDate('to')}
            />
          </>
        ) : (
          <label>
            {t('filters.year')}
            <input
              type="number"
              min={2000}
              max={2100}
              value={draft.year}
              onChange={(e) => set('year', Number(e.target.value))}
            />
          </label>
        )}
        {draft.period === 'month' ? (
          <label>
            {t('filters.month')}
            <input
              type="number"
              min={1}
              max={12}
              value={draft.month}
              onChange={(e) => set('month', Number(e.target.value))}
            />
          </label>
        ) : null}
        {draft.period === 'quarter' ? (
          <label>
            {t('filters.quarter')}
            <select value={draft.quarter} onChange={(e) => set('quarter', Number(e.target.value))}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('filters.hotline')}
          <select value={draft.hotline} onChange={(e) => set('hotline', e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {HOTLINES.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.province')}
          <select value={draft.province} onChange={(e) => set('province', e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {provinceOptions(currentUiLanguage()).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filters.organisation')}
          <input
            value={draft.organisation}
            onChange={(e) => set('organisation', e.target.value.trim())}
          />
        </label>
        <button type="submit">{t('filters.show')}</button>
      </fieldset>
    </form>
  );
}
