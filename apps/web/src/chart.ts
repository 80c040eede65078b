// Geometry for the inline SVG charts, kept apart from the components so it can be tested: the
// progress rings and the weight line with its moving average.

export interface RingArc {
  circumference: number;
  /** Length of the filled part of the circle. */
  filled: number;
  /** Consumed / target, unclamped (1.2 means 20 % over). */
  fraction: number;
  over: boolean;
}

export function ringArc(consumed: number, target: number, radius: number): RingArc {
  const circumference = 2 * Math.PI * radius;
  const fraction = target > 0 ? Math.max(0, consumed) / target : 0;
  return { circumference, filled: circumference * Math.min(1, fraction), fraction, over: fraction > 1.001 };
}

export interface SeriesPoint {
  date: string;
  value: number;
  average: number;
}

export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartGeometry {
  valuePath: string;
  averagePath: string;
  dots: { x: number; y: number; date: string; value: number }[];
  yTicks: { y: number; value: number }[];
  xLabels: { x: number; date: string }[];
  min: number;
  max: number;
}

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

/** A step of 1, 2 or 5 times a power of ten giving about `count` ticks over `range`. */
export function niceStep(range: number, count: number): number {
  if (!(range > 0)) return 1;
  const rough = range / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  const factor = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return factor * power;
}

/** Places points by date (a missing day leaves a gap in x, not a squeeze) and by value. */
export function chartGeometry(points: SeriesPoint[], box: ChartBox): ChartGeometry | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((left, right) => left.date.localeCompare(right.date));
  const values = sorted.flatMap((point) => [point.value, point.average]);
  let min = Math.min(...values);
  let max = Math.max(...values);
  // A flat series still needs a band to draw in; half a unit either side reads well for body weight.
  if (max - min < 1) {
    const middle = (max + min) / 2;
    min = middle - 0.5;
    max = middle + 0.5;
  }
  const step = niceStep(max - min, 4);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;

  const firstDay = dayNumber(sorted[0]!.date);
  const lastDay = dayNumber(sorted[sorted.length - 1]!.date);
  const innerWidth = box.width - box.left - box.right;
  const innerHeight = box.height - box.top - box.bottom;
  const x = (date: string) =>
    lastDay === firstDay
      ? box.left + innerWidth / 2
      : box.left + ((dayNumber(date) - firstDay) / (lastDay - firstDay)) * innerWidth;
  const y = (value: number) => box.top + (1 - (value - min) / (max - min)) * innerHeight;
  const path = (pick: (point: SeriesPoint) => number) =>
    sorted
      .map((point, index) => `${index === 0 ? "M" : "L"}${round(x(point.date))},${round(y(pick(point)))}`)
      .join(" ");

  const yTicks: ChartGeometry["yTicks"] = [];
  for (let value = min; value <= max + step / 2; value += step)
    yTicks.push({ y: round(y(value)), value: round(value) });

  const labelDates =
    sorted.length <= 2
      ? sorted.map((point) => point.date)
      : [sorted[0]!.date, sorted[Math.floor(sorted.length / 2)]!.date, sorted[sorted.length - 1]!.date];
  return {
    valuePath: path((point) => point.value),
    averagePath: path((point) => point.average),
    dots: sorted.map((point) => ({
      x: round(x(point.date)),
      y: round(y(point.value)),
      date: point.date,
      value: point.value,
    })),
    yTicks,
    xLabels: [...new Set(labelDates)].map((date) => ({ x: round(x(date)), date })),
    min,
    max,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
