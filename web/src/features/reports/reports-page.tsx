import { useCallback, useEffect, useRef, useState } from 'react';
import { currentUiLanguage, useT } from '../../shared/i18n/i18n';
import { ErrorText } from '../../shared/ui/error-text';
import {
  exportUrl,
  fetchReport,
  type TReport,
  type TReportFilters,
  type TReportKind,
} from './api/reports.api';
import { BarChart } from './components/bar-chart';
import { chartData, hasData } from './components/chart-series';
import { LineChart } from './components/line-chart';
import { ReportFilters } from './components/report-filters';
import { ReportFreshness } from './components/report-freshness';
import { ReportTableView } from './components/report-table-view';
import './reports.css';
import './reports.strings';

const kinds: TReportKind[] = ['national', 'agencies', 'operations', 'referrals'];
const lineTables = new Set(['calls-by-day']);
const noChart = new Set(['counsellors']);

function initialFilters(): TReportFilters {
  const now = new Date();
  const year = now.getFullYear();
  return {
    period: 'year',
    year,
    month: now.getMonth() + 1,
    quarter: 1,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    hotline: '',
    province: '',
    organisation: '',
  };
}

/** Statistics for supervisors and statisticians: filters, then each table as a chart above its figures. */
export default function ReportsPage() {
  const { t } = useT('reports');
  const language = currentUiLanguage();
  const [kind, setKind] = useState<TReportKind>('national');
  const [filters, setFilters] = useState<TReportFilters>(initialFilters);
  const [report, setReport] = useState<TReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Bumped when newer figures are ready: the report is fetched again, the old one stays meanwhile.
  const [version, setVersion] = useState(0);
  const shown = useRef('');
  const onNewer = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    const key = `${kind}|${JSON.stringify(filters)}`;
    if (shown.current !== key) setReport(null);
    shown.current = key;
    setError(null);
    fetchReport(kind, filters).then(
      (r) => live && setReport(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [kind, filters, version]);

  return (
    <main id="content" className="reports">
      <h1>{t('title')}</h1>
      <nav className="reports__kinds" aria-label={t('title')}>
        {kinds.map((k) => (
          <button key={k} type="button" aria-pressed={k === kind} onClick={() => setKind(k)}>
            {t(`kinds.${k}`)}
          </button>
        ))}
      </nav>
      <ReportFilters value={filters} onChange={setFilters} />
      <section className="panel reports__export" aria-label={t('export.legend')}>
        <strong>{t('export.legend')}</strong>
        {(['external', 'internal'] as const).map((audience) => (
          <span key={audience}>
            {t(`export.${audience}`)}:{' '}
            <a href={exportUrl(kind, filters, 'xlsx', audience)} download>
              {t('export.xlsx')}
            </a>{' '}
            <a href={exportUrl(kind, filters, 'csv', audience)} download>
              {t('export.csv')}
            </a>
          </span>
        ))}
      </section>
      {error ? <ErrorText error={error} /> : null}
      {!report && !error ? <p aria-live="polite">{t('loading')}</p> : null}
      {report ? (
        <>
          <p>
            {report.title[language]} · {report.period.from} – {report.period.to}
          </p>
          <ReportFreshness kind={kind} freshness={report.freshness} onNewer={onNewer} />
          {report.tables.map((table) => (
            <section key={table.key} className="reports__table">
              {noChart.has(table.key) ? null : !hasData(chartData(table, language)) ? (
                <p className="report-chart report-chart--empty muted" data-testid="chart-empty">
                  {t('chartEmpty', { title: table.title[language] })}
                </p>
              ) : lineTables.has(table.key) ? (
                <LineChart
                  data={chartData(table, language)}
                  title={t('chartOf', { title: table.title[language] })}
                />
              ) : (
                <BarChart
                  data={chartData(table, language)}
                  title={t('chartOf', { title: table.title[language] })}
                />
              )}
              <ReportTableView table={table} language={language} />
            </section>
          ))}
          <section className="panel">
            <h2>{t('notes')}</h2>
            <ul>
              {report.notes.map((n) => (
                <li key={n.en}>{n[language]}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </main>
  );
}
