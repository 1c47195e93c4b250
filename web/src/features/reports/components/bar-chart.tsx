import { niceMax, type TChartData } from './chart-series';

const WIDTH = 720;
const BAR_AREA = 220;
const LABEL_AREA = 90;
const colours = ['var(--chart-1, #2563eb)', 'var(--chart-2, #db2777)'];

/** Grouped vertical bars in plain SVG; the table below the chart carries the exact figures. */
export function BarChart({ data, title }: { data: TChartData; title: string }) {
  const max = niceMax(Math.max(0, ...data.series.flatMap((s) => s.values)));
  const group = WIDTH / Math.max(1, data.labels.length);
  const bar = Math.max(2, (group * 0.8) / Math.max(1, data.series.length));
  return (
    <figure className="report-chart">
      <svg viewBox={`0 0 ${WIDTH} ${BAR_AREA + LABEL_AREA}`} role="img" aria-label={title}>
        <line x1={0} x2={WIDTH} y1={BAR_AREA} y2={BAR_AREA} stroke="currentColor" strokeWidth={1} />
        <text x={2} y={12} fontSize={11}>
          {max}
        </text>
        {data.labels.map((label, i) => (
          <g key={`${label}-${i}`} transform={`translate(${i * group + group * 0.1},0)`}>
            {data.series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const h = (v / max) * (BAR_AREA - 16);
              return (
                <rect
                  key={s.label}
                  x={j * bar}
                  y={BAR_AREA - h}
                  width={bar - 1}
                  height={h}
                  fill={colours[j % colours.length]}
                >
                  <title>{`${label} — ${s.label}: ${v}`}</title>
                </rect>
              );
            })}
            <text
              x={(bar * data.series.length) / 2}
              y={BAR_AREA + 8}
              fontSize={10}
              textAnchor="end"
              transform={`rotate(-45 ${(bar * data.series.length) / 2} ${BAR_AREA + 8})`}
            >
              {label.length > 22 ? `${label.slice(0, 21)}…` : label}
            </text>
          </g>
        ))}
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
