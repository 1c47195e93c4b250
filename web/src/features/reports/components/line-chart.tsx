import { niceMax, type TChartData } from './chart-series';

const WIDTH = 720;
const HEIGHT = 220;
const colours = ['var(--chart-1, #2563eb)', 'var(--chart-2, #db2777)'];

/** One line per series over the rows (days), in plain SVG; first and last label under the axis. */
export function LineChart({ data, title }: { data: TChartData; title: string }) {
  const max = niceMax(Math.max(0, ...data.series.flatMap((s) => s.values)));
  const n = data.labels.length;
  const x = (i: number) => (n <= 1 ? WIDTH / 2 : (i / (n - 1)) * (WIDTH - 20) + 10);
  const y = (v: number) => HEIGHT - (v / max) * (HEIGHT - 16);
  return (
    <figure className="report-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 24}`} role="img" aria-label={title}>
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke="currentColor" strokeWidth={1} />
        <text x={2} y={12} fontSize={11}>
          {max}
        </text>
        {data.series.map((s, j) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={colours[j % colours.length]}
            strokeWidth={2}
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
        ))}
        <text x={0} y={HEIGHT + 16} fontSize={11}>
          {data.labels[0] ?? ''}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} fontSize={11} textAnchor="end">
          {data.labels[n - 1] ?? ''}
        </text>
      </svg>
      <figcaption>
        {data.series.map((s, j) => (
          <span key={s.label} className="report-chart__key">
            <span style={{ background: colours[j % colours.length] }} aria-hidden="true" />{' '}
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
