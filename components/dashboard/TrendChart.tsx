import type { Translator } from '../../lib/i18n/translate';
import type { MessageKey } from '../../lib/i18n/messages';
import type { ChartData } from '../../lib/reports/chart-series';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };
const COLORS = ['var(--sf-accent)', 'var(--sf-ok)'];

/**
 * A line chart drawn as plain SVG: two or three trends need no charting library (which would
 * add 50–150 KB to the page). The figure is labelled for screen readers with its title and a
 * summary; the exact figures are in the table under it, which is keyboard-sortable.
 */
export function TrendChart({ data, t, locale }: { data: ChartData; t: Translator; locale: string }) {
  const title = t(`dashboard.chart.${data.title}` as MessageKey);
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (data.labels.length < 2 || all.length === 0) {
    return (
      <figure className="sf-chart sf-chart--empty">
        <figcaption>{title}</figcaption>
        <p className="sf-muted">{t('dashboard.chart.empty')}</p>
      </figure>
    );
  }
  const max = Math.max(...all, 1);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (innerW * i) / (data.labels.length - 1);
  const y = (v: number): number => PAD.top + innerH - (innerH * v) / max;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const names = data.series.map((s) => t(`dashboard.col.${s.column}` as MessageKey));
  const summary = data.series
    .map((s, i) => {
      const values = s.values.filter((v): v is number => v !== null);
      return `${names[i]}: ${number.format(values[0] ?? 0)} → ${number.format(values[values.length - 1] ?? 0)}`;
    })
    .join('; ');
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(data.labels.length / 8));
  return (
    <figure className="sf-chart">
      <figcaption>
        {title}
        <span className="sf-chart__legend">
          {data.series.map((s, i) => (
            <span key={s.column} className="sf-chart__key">
              <span className="sf-chart__swatch" style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" />
              {names[i]}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`} preserveAspectRatio="none">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} className="sf-chart__grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="sf-chart__tick">
              {number.format(v)}
            </text>
          </g>
        ))}
        {data.labels.map((label, i) =>
          i % labelEvery === 0 || i === data.labels.length - 1 ? (
            <text key={label} x={x(i)} y={HEIGHT - 8} textAnchor="middle" className="sf-chart__tick">
              {label.length === 10 ? label.slice(5) : label}
            </text>
          ) : null,
        )}
        {data.series.map((s, si) => {
          const points = s.values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`]));
          return (
            <g key={s.column}>
              <polyline points={points.join(' ')} fill="none" stroke={COLORS[si % COLORS.length]} strokeWidth={2} />
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={2.5} fill={COLORS[si % COLORS.length]} />))}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
