// Energy and macro rings: how much of each daily target today's meals have used.
import { ringArc } from "../chart.ts";
import { whole } from "../format.ts";
import type { Targets } from "../api/types.ts";

interface RingProps {
  label: string;
  /** Going past the target is a success (protein), not a warning. */
  overIsGood?: boolean;
  unit: string;
  consumed: number;
  target: number;
  color: string;
  size: number;
  stroke: number;
}

export function Ring({ label, overIsGood = false, unit, consumed, target, color, size, stroke }: RingProps) {
  const radius = (size - stroke) / 2;
  const arc = ringArc(consumed, target, radius);
  const warn = arc.over && !overIsGood;
  const state = arc.fraction >= 1 ? (overIsGood ? ", target reached" : ", over target") : "";
  const description = `${label}: ${whole(consumed)} of ${whole(target)} ${unit}${state}`;
  return (
    <figure class={`ring ${warn ? "over" : ""}`} data-ring={label.toLowerCase()} data-consumed={Math.round(consumed)}>
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={description}>
        <circle cx={size / 2} cy={size / 2} r={radius} fill="none" stroke="var(--ring-track)" stroke-width={stroke} />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={radius}
          fill="none"
          stroke={warn ? "var(--over)" : color}
          stroke-width={stroke}
          stroke-linecap="round"
          stroke-dasharray={`${arc.filled} ${arc.circumference}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
        <text x="50%" y="47%" text-anchor="middle" class="ring-value">
          {whole(consumed)}
        </text>
        <text x="50%" y="64%" text-anchor="middle" class="ring-target">
          / {whole(target)} {unit}
        </text>
      </svg>
      <figcaption>
        {label}
        {overIsGood && arc.fraction >= 1 && " ✓"}
      </figcaption>
    </figure>
  );
}

export interface MacroTotals {
  energyKcal: number;
  proteinG: number;
  carbohydrateG: number;
  fatG: number;
}

export function Rings({ totals, targets }: { totals: MacroTotals; targets: Targets }) {
  return (
    <div class="rings">
      <Ring
        label="Energy"
        unit="kcal"
        consumed={totals.energyKcal}
        target={targets.energyKcal}
        color="var(--energy)"
        size={148}
        stroke={14}
      />
      <div class="macro-rings">
        <Ring
          label="Protein"
          overIsGood
          unit="g"
          consumed={totals.proteinG}
          target={targets.proteinG}
          color="var(--protein)"
          size={92}
          stroke={9}
        />
        <Ring
          label="Carbs"
          unit="g"
          consumed={totals.carbohydrateG}
          target={targets.carbohydrateG}
          color="var(--carbs)"
          size={92}
          stroke={9}
        />
        <Ring
          label="Fat"
          unit="g"
          consumed={totals.fatG}
          target={targets.fatG}
          color="var(--fat)"
          size={92}
          stroke={9}
        />
      </div>
    </div>
  );
}
