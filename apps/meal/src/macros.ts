// Macro arithmetic, in one place so logging, totals and replies agree to the last decimal.
import type { DayTotals, Macros, Nutrients, Targets } from "@ensemble/contracts";

export const ZERO_MACROS: Macros = { energyKcal: 0, proteinG: 0, carbohydrateG: 0, fatG: 0 };

const MACRO_KEYS = ["energyKcal", "proteinG", "carbohydrateG", "fatG"] as const;

/** Two decimals: what is stored. Enough that sums of many items stay exact to the displayed 0.1. */
export function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function roundTo1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Macros of `grams` of a food from its per-100 g values. A nutrient USDA does not list counts
 * as 0 and is named in `missing`, so a reply can say the figure is incomplete.
 */
export function macrosForGrams(per100g: Nutrients, grams: number): { macros: Macros; missing: string[] } {
  const missing: string[] = [];
  const macros = { ...ZERO_MACROS };
  for (const key of MACRO_KEYS) {
    const value = per100g[key];
    if (value === null) missing.push(key);
    else macros[key] = roundTo2((value * grams) / 100);
  }
  return { macros, missing };
}

export function sumMacros(list: readonly Macros[]): Macros {
  const total = { ...ZERO_MACROS };
  for (const macros of list) {
    for (const key of MACRO_KEYS) total[key] += macros[key];
  }
  for (const key of MACRO_KEYS) total[key] = roundTo2(total[key]);
  return total;
}

/** The day's totals, with what is left and the share of each target when the user has targets. */
export function dayTotals(date: string, mealCount: number, totals: Macros, targets: Targets | undefined): DayTotals {
  const day: DayTotals = { date, mealCount, totals };
  if (targets === undefined) return day;
  const remaining = { ...ZERO_MACROS };
  const percentOfTarget = { ...ZERO_MACROS };
  for (const key of MACRO_KEYS) {
    remaining[key] = roundTo2(targets[key] - totals[key]);
    percentOfTarget[key] = targets[key] > 0 ? Math.round((totals[key] / targets[key]) * 100) : 0;
  }
  return { ...day, targets, remaining, percentOfTarget };
}
