// Small inline-SVG charts for the HTML report: no library, no external asset, so the report is one
// file that opens anywhere.

/** USD with three significant digits and no exponent: "$0.000983", "$0.00000049", "$1.23". */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value === 0) return "$0";
  if (value >= 1) return `$${value.toFixed(2)}`;
  const decimals = Math.min(12, 2 - Math.floor(Math.log10(Math.abs(value))));
  return `$${value.toFixed(decimals)}`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const PALETTE = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#0891b2", "#db2777", "#65a30d"];

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** White to blue by share of the row: a cell's shade shows what fraction of a gold label went where. */
function heat(fraction: number): string {
  const mix = (from: number, to: number) => Math.round(from + (to - from) * fraction);
  return `rgb(${mix(248, 37)},${mix(250, 99)},${mix(252, 235)})`;
}

export function confusionHeatmap(labels: string[], counts: number[][]): string {
  const cell = 64;
  const left = 170;
  const top = 110;
  const size = labels.length * cell;
  const parts: string[] = [];
  labels.forEach((label, column) => {
    const x = left + column * cell + cell / 2;
    parts.push(
      `<text x="${x}" y="${top - 10}" transform="rotate(-40 ${x} ${top - 10})" font-size="12">${escapeHtml(label)}</text>`,
    );
  });
  counts.forEach((row, rowIndex) => {
    const total = row.reduce((sum, value) => sum + value, 0);
    const y = top + rowIndex * cell;
    parts.push(
      `<text x="${left - 8}" y="${y + cell / 2 + 4}" text-anchor="end" font-size="12">${escapeHtml(labels[rowIndex]!)} (${total})</text>`,
    );
    row.forEach((value, column) => {
      const fraction = total === 0 ? 0 : value / total;
      const x = left + column * cell;
      const diagonal = rowIndex === column;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${heat(fraction)}" stroke="${diagonal ? "#111827" : "#e5e7eb"}" stroke-width="${diagonal ? 2 : 1}"><title>gold ${escapeHtml(labels[rowIndex]!)}, routed ${escapeHtml(labels[column]!)}: ${value}</title></rect>`,
        `<text x="${x + cell / 2}" y="${y + cell / 2 + 5}" text-anchor="middle" font-size="14" fill="${fraction > 0.55 ? "#fff" : "#111827"}">${value}</text>`,
      );
    });
  });
  parts.push(
    `<text x="${left + size / 2}" y="${top + size + 28}" text-anchor="middle" font-size="12" fill="#4b5563">routed to (columns) · gold label (rows)</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + size + 20}" height="${top + size + 40}" role="img" aria-label="confusion matrix">${parts.join("")}</svg>`;
}

/** Grouped bars: one group per metric, one bar per series (assignment), values 0..1. */
export function groupedBars(
  metrics: string[],
  series: { name: string; values: (number | null)[] }[],
  options: { width?: number; format?: (value: number) => string } = {},
): string {
  const width = options.width ?? 760;
  const height = 260;
  const left = 40;
  const bottom = 40;
  const top = 30;
  const plotHeight = height - top - bottom;
  const group = (width - left - 10) / metrics.length;
  const bar = Math.min(36, (group - 16) / Math.max(1, series.length));
  const format = options.format ?? ((value: number) => `${(value * 100).toFixed(1)}%`);
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + plotHeight * (1 - tick);
    parts.push(
      `<line x1="${left}" x2="${width - 10}" y1="${y}" y2="${y}" stroke="#e5e7eb"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="10" fill="#6b7280">${tick * 100}%</text>`,
    );
  }
  metrics.forEach((metric, metricIndex) => {
    const start = left + metricIndex * group + (group - bar * series.length) / 2;
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[metricIndex];
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      const barHeight = plotHeight * Math.max(0, Math.min(1, value));
      const x = start + seriesIndex * bar;
      parts.push(
        `<rect x="${x}" y="${top + plotHeight - barHeight}" width="${bar - 2}" height="${barHeight}" fill="${colour(seriesIndex)}"><title>${escapeHtml(entry.name)} ${escapeHtml(metric)}: ${format(value)}</title></rect>`,
        `<text x="${x + (bar - 2) / 2}" y="${top + plotHeight - barHeight - 4}" text-anchor="middle" font-size="9">${format(value)}</text>`,
      );
    });
    parts.push(
      `<text x="${left + metricIndex * group + group / 2}" y="${height - bottom + 16}" text-anchor="middle" font-size="11">${escapeHtml(metric)}</text>`,
    );
  });
  series.forEach((entry, index) => {
    parts.push(
      `<rect x="${left + index * 170}" y="6" width="12" height="12" fill="${colour(index)}"/><text x="${left + index * 170 + 16}" y="16" font-size="11">${escapeHtml(entry.name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="comparison">${parts.join("")}</svg>`;
}

/** Cost per run (x, log-free linear) against pass rate (y), one labelled point per assignment. */
export function costQualityScatter(points: { name: string; cost: number; quality: number }[]): string {
  const width = 760;
  const height = 300;
  const left = 70;
  const bottom = 46;
  const top = 20;
  const right = 30;
  const maxCost = Math.max(1e-9, ...points.map((point) => point.cost)) * 1.15;
  const minQuality = Math.max(0, Math.min(...points.map((point) => point.quality)) - 0.1);
  const x = (cost: number) => left + ((width - left - right) * cost) / maxCost;
  const y = (quality: number) =>
    top + (height - top - bottom) * (1 - (quality - minQuality) / Math.max(1e-9, 1 - minQuality));
  const parts: string[] = [
    `<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="#9ca3af"/>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${height - bottom}" stroke="#9ca3af"/>`,
    `<text x="${(left + width - right) / 2}" y="${height - 8}" text-anchor="middle" font-size="11">cost per run (USD)</text>`,
    `<text x="14" y="${(top + height - bottom) / 2}" transform="rotate(-90 14 ${(top + height - bottom) / 2})" text-anchor="middle" font-size="11">pass rate</text>`,
  ];
  for (const fraction of [0, 0.5, 1]) {
    const cost = maxCost * fraction;
    parts.push(
      `<text x="${x(cost)}" y="${height - bottom + 16}" text-anchor="middle" font-size="10" fill="#6b7280">${formatUsd(cost)}</text>`,
    );
    const quality = minQuality + (1 - minQuality) * fraction;
    parts.push(
      `<text x="${left - 6}" y="${y(quality) + 4}" text-anchor="end" font-size="10" fill="#6b7280">${(quality * 100).toFixed(0)}%</text>`,
    );
  }
  points.forEach((point, index) => {
    parts.push(
      `<circle cx="${x(point.cost)}" cy="${y(point.quality)}" r="7" fill="${colour(index)}"><title>${escapeHtml(point.name)}: ${formatUsd(point.cost)} per run, ${(point.quality * 100).toFixed(1)}%</title></circle>`,
      `<text x="${x(point.cost) + 10}" y="${y(point.quality) - 8}" font-size="11">${escapeHtml(point.name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="cost against quality">${parts.join("")}</svg>`;
}

/** A trace's spans as a waterfall, offsets from the first span. */
export function waterfall(
  spans: { name: string; worker: string; startMs: number; durationMs: number; status: string; model?: string }[],
): string {
  if (spans.length === 0) return "<p class=muted>no spans</p>";
  const width = 720;
  const row = 18;
  const left = 230;
  const start = Math.min(...spans.map((span) => span.startMs));
  const end = Math.max(...spans.map((span) => span.startMs - start + span.durationMs), 1);
  const scale = (width - left - 60) / end;
  const statusColour: Record<string, string> = {
    ok: "#10b981",
    error: "#ef4444",
    refused: "#f59e0b",
    retry: "#f59e0b",
    fallback: "#8b5cf6",
    skipped: "#9ca3af",
  };
  const parts = spans.map((span, index) => {
    const y = index * row + 4;
    const x = left + (span.startMs - start) * scale;
    const barWidth = Math.max(2, span.durationMs * scale);
    return `<text x="${left - 6}" y="${y + 12}" text-anchor="end" font-size="11">${escapeHtml(`${span.worker} · ${span.name}`)}</text><rect x="${x}" y="${y + 2}" width="${barWidth}" height="12" fill="${statusColour[span.status] ?? "#2563eb"}"><title>${escapeHtml(`${span.name} ${span.status} ${span.durationMs} ms${span.model ? ` ${span.model}` : ""}`)}</title></rect><text x="${x + barWidth + 4}" y="${y + 12}" font-size="10" fill="#6b7280">${span.durationMs.toFixed(1)} ms</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${spans.length * row + 10}" role="img" aria-label="trace">${parts.join("")}</svg>`;
}
