import type { TReportTable } from '../api/reports.api';

/** The exact figures, both languages' headings: the chart above is only a picture of them. */
export function ReportTableView({
  table,
  language,
}: {
  table: TReportTable;
  language: 'lo' | 'en';
}) {
  const other = language === 'lo' ? 'en' : 'lo';
  return (
    <table className="panel report-table">
      <caption>
        <strong>{table.title[language]}</strong>
        <small lang={other}>{table.title[other]}</small>
        <span className="report-table__unit">{table.countUnit[language]}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" />
          {table.columns.map((c) => (
            <th scope="col" key={c.key}>
              {c[language]}
              <small lang={other}>{c[other]}</small>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key} className={r.key === 'total' ? 'report-table__total' : undefined}>
            <th scope="row">{r[language]}</th>
            {r.cells.map((v, i) => (
              <td key={table.columns[i]?.key ?? i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
