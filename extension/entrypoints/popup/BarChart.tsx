// Interactions per day as plain SVG bars. Time runs in the reading direction: left to
// right, or right to left in Persian, Hebrew and Arabic.
import { i18n } from '#i18n';
import { formatCount, formatDay } from '../../ui/format';

interface Day {
  day: string;
  interactions: number;
}

const WIDTH = 320;
const HEIGHT = 96;
const GAP_RATIO = 0.25;

export function BarChart({ days, locale, rtl }: { days: Day[]; locale: string; rtl: boolean }) {
  const max = Math.max(1, ...days.map((d) => d.interactions));
  const slot = WIDTH / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * (1 - GAP_RATIO));
  const total = days.reduce((sum, d) => sum + d.interactions, 0);
  const first = days[0];
  const last = days.at(-1);
  const label = i18n.t('chartLabel', {
    total: formatCount(total, locale),
    max: formatCount(max, locale),
  });

  return (
    <figure class="chart">
      <figcaption class="chart-head">
        <span>{i18n.t('chartTitle')}</span>
        <span class="muted small">{i18n.t('chartPeak', { max: formatCount(max, locale) })}</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <line class="chart-base" x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
        {days.map((d, index) => {
          const height = d.interactions === 0 ? 0 : Math.max(2, (d.interactions / max) * (HEIGHT - 4));
          const start = index * slot + (slot - barWidth) / 2;
          const x = rtl ? WIDTH - start - barWidth : start;
          return (
            <rect key={d.day} class="chart-bar" x={x} y={HEIGHT - height} width={barWidth} height={height} rx={Math.min(3, barWidth / 3)}>
              <title>{`${formatDay(d.day, locale)}: ${formatCount(d.interactions, locale)}`}</title>
            </rect>
          );
        })}
      </svg>
      {first && last && (
        <div class="chart-axis muted small">
          <span>{formatDay(first.day, locale)}</span>
          <span>{formatDay(last.day, locale)}</span>
        </div>
      )}
    </figure>
  );
}
