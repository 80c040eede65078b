// Body weight over the last weeks: each day's weight as dots and a thin line, the 7-day moving
// average as the bold line that shows the trend through day-to-day noise.
import type { BodyMetricSeries } from "../api/types.ts";
import { type ChartBox, chartGeometry } from "../chart.ts";
import { oneDecimal, shortDate } from "../format.ts";

const BOX: ChartBox = { width: 340, height: 160, top: 12, right: 12, bottom: 24, left: 40 };

export function WeightChart({ series }: { series: BodyMetricSeries }) {
  const geometry = chartGeometry(
    series.points.map((point) => ({ date: point.date, value: point.value, average: point.movingAverage7d })),
    BOX,
  );
  if (!geometry) return <p class="muted">No weigh-ins in this period.</p>;
  const latest = series.latest;
  const summary = latest
    ? `Latest ${oneDecimal(latest.value)} ${series.unit} on ${shortDate(latest.date)}` +
      (series.weeklyRate === null
        ? ""
        : `, trend ${series.weeklyRate > 0 ? "+" : ""}${oneDecimal(series.weeklyRate)} ${series.unit} a week`)
    : "";
  return (
    <figure class="weight-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={`Weight chart. ${summary}`}>
        {geometry.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={tick.y} y2={tick.y} class="grid" />
            <text x={BOX.left - 6} y={tick.y + 4} text-anchor="end" class="axis">
              {oneDecimal(tick.value)}
            </text>
          </g>
        ))}
        {geometry.xLabels.map((label, index) => (
          <text
            key={label.date}
            x={label.x}
            y={BOX.height - 6}
            text-anchor={
              index === 0 && geometry.xLabels.length > 1
                ? "start"
                : index === geometry.xLabels.length - 1 && index > 0
                  ? "end"
                  : "middle"
            }
            class="axis"
          >
            {shortDate(label.date)}
          </text>
        ))}
        <path d={geometry.valuePath} class="daily-line" />
        <path d={geometry.averagePath} class="average-line" />
        {geometry.dots.map((dot) => (
          <circle key={dot.date} cx={dot.x} cy={dot.y} r={3} class="dot">
            <title>
              {shortDate(dot.date)}: {oneDecimal(dot.value)} {series.unit}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption>
        {summary}
        <span class="legend">
          <span class="key daily" /> daily <span class="key average" /> 7-day average
        </span>
      </figcaption>
    </figure>
  );
}
