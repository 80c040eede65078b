// The coach's answer, written from the tool results of this turn. Every number quoted comes from
// a result; nothing is estimated here.
import type { PhotoItem, ToolResult } from "./conversation.ts";
import {
  type MacroNumbers,
  capitalise,
  dayLabel,
  grams,
  joinWords,
  kcal,
  macroLine,
  shortFoodName,
  thousands,
} from "./format.ts";
import type { Nutrient, Purpose } from "./understand.ts";
import { rejectedItems, unfoundNames } from "./verify.ts";

interface ItemResult extends MacroNumbers {
  food: string;
  match: string;
  grams: number;
  portion?: string;
}

interface MealResult {
  id: string;
  mealType: string;
  date: string;
  time: string;
  items: ItemResult[];
  totals: MacroNumbers;
}

interface DayResult {
  date: string;
  mealCount: number;
  totals: MacroNumbers;
  targets?: MacroNumbers;
  remaining?: MacroNumbers;
  percentOfTarget?: MacroNumbers;
}

interface SearchHit {
  foodId: number;
  name: string;
  per100g: MacroNumbers;
  portion?: MacroNumbers & { grams: number; description: string };
  portionError?: string;
  measures?: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asMeal(value: unknown): MealResult | undefined {
  return isRecord(value) && Array.isArray(value.items) && isRecord(value.totals)
    ? (value as unknown as MealResult)
    : undefined;
}

function asDay(value: unknown): DayResult | undefined {
  return isRecord(value) && isRecord(value.totals) && typeof value.date === "string"
    ? (value as unknown as DayResult)
    : undefined;
}

function okValues(results: ToolResult[], name: string): Record<string, unknown>[] {
  return results.flatMap((result) =>
    result.name === name && result.outcome.kind === "ok" ? [result.outcome.value] : [],
  );
}

function failures(results: ToolResult[], name: string): { kind: "error" | "refused"; message: string }[] {
  return results.flatMap((result) => (result.name === name && result.outcome.kind !== "ok" ? [result.outcome] : []));
}

// ---------------------------------------------------------------------------------------------
// Pieces.

/** "Today so far: 1,230 kcal of 2,000 (62%) · protein 98 g of 150 g ... 770 kcal and 52 g protein to go." */
export function dayText(day: DayResult, today: string, lead?: string): string {
  const label = lead ?? `${capitalise(dayLabel(day.date, today))}${day.date === today ? " so far" : ""}`;
  const { totals, targets, remaining, percentOfTarget } = day;
  if (targets === undefined || remaining === undefined) {
    return `${label}: ${macroLine(totals)} (${day.mealCount} ${day.mealCount === 1 ? "meal" : "meals"}).`;
  }
  const percent = percentOfTarget?.energyKcal;
  const parts = [
    `${kcal(totals.energyKcal)} of ${thousands(targets.energyKcal)}${percent === undefined ? "" : ` (${percent}%)`}`,
    `protein ${grams(totals.proteinG)} of ${grams(targets.proteinG)}`,
    `carbs ${grams(totals.carbohydrateG)} of ${grams(targets.carbohydrateG)}`,
    `fat ${grams(totals.fatG)} of ${grams(targets.fatG)}`,
  ];
  const left: string[] = [];
  if (remaining.energyKcal >= 0) left.push(`${kcal(remaining.energyKcal)} left`);
  else left.push(`${kcal(-remaining.energyKcal)} over your energy target`);
  if (remaining.proteinG > 0) left.push(`${grams(remaining.proteinG)} protein to go`);
  else left.push("protein target reached");
  return `${label}: ${parts.join(" · ")}. ${capitalise(left.join(", "))}.`;
}

function itemLine(item: ItemResult): string {
  const match = shortFoodName(item.match);
  return `• ${item.food} → ${match}, ${grams(item.grams)}: ${macroLine(item)}`;
}

function mealHeading(meal: MealResult, today: string): string {
  return `${capitalise(meal.mealType)} ${dayLabel(meal.date, today)} at ${meal.time}`;
}

/** A short coaching nudge from the day's numbers, when there is something worth saying. */
function nudge(day: DayResult | undefined): string | null {
  if (day?.targets === undefined || day.remaining === undefined || day.percentOfTarget === undefined) return null;
  if (day.remaining.energyKcal < -150) {
    return day.remaining.proteinG > 0
      ? "You're past your energy target for the day; if you eat again, keep it light and protein-forward."
      : "You're past your energy target for the day; keep anything else light.";
  }
  const proteinShare = day.percentOfTarget.proteinG;
  const energyShare = day.percentOfTarget.energyKcal;
  if (energyShare >= 60 && proteinShare + 15 < energyShare)
    return "Protein is lagging behind calories; a lean protein source at your next meal would balance the day.";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Replies per purpose.

function logReply(results: ToolResult[], today: string, unsure: PhotoItem[]): string {
  const logged = okValues(results, "log_meal");
  const problems = failures(results, "log_meal");
  const lines: string[] = [];
  let lastDay: DayResult | undefined;
  for (const value of logged) {
    const meal = asMeal(value.meal);
    if (meal === undefined) continue;
    const again = value.alreadyLogged === true;
    lines.push(`${again ? "Already logged (not added twice)" : "Logged"}: ${mealHeading(meal, today)}`);
    for (const item of meal.items) lines.push(itemLine(item));
    if (meal.items.length > 1) lines.push(`Meal total: ${macroLine(meal.totals)}.`);
    if (Array.isArray(value.notes)) for (const note of value.notes) lines.push(`Note: ${String(note)}.`);
    lastDay = asDay(value.day) ?? lastDay;
    lines.push("");
  }
  const unfound = unfoundNames(results);
  for (const problem of problems) {
    if (problem.kind === "refused")
      lines.push("I didn't log anything: your message doesn't say you ate it. Tell me once you have and I'll add it.");
    // Retried without the foods USDA does not know: say which were left out, once, below.
    else if (logged.length > 0 && unfound.length > 0) continue;
    else
      lines.push(
        `I couldn't log that: ${problem.message}. Try naming the food differently or giving an amount (e.g. "150 g chicken breast").`,
      );
  }
  if (logged.length > 0 && unfound.length > 0)
    lines.push(
      `I left out ${joinWords(unfound.map((name) => `"${name}"`))}: ${unfound.length === 1 ? "it isn't" : "they aren't"} in the USDA database. Tell me what ${unfound.length === 1 ? "it is" : "they are"} made of (or a similar food) and I'll add ${unfound.length === 1 ? "it" : "them"}.`,
    );
  if (lastDay !== undefined) lines.push(dayText(lastDay, today));
  const tip = nudge(lastDay);
  if (tip !== null) lines.push(tip);
  if (unsure.length > 0) {
    lines.push(
      `I wasn't sure about ${joinWords(unsure.map((item) => `${item.name} (~${Math.round(item.grams)} g)`))} in the photo, so I left ${unsure.length === 1 ? "it" : "them"} out. Tell me if you had ${unsure.length === 1 ? "it" : "them"} and I'll add ${unsure.length === 1 ? "it" : "them"}.`,
    );
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function hitLine(hit: SearchHit): string {
  if (hit.portion !== undefined) {
    return `${shortFoodName(hit.name)}: ${hit.portion.description} → ${macroLine(hit.portion)}`;
  }
  return `${shortFoodName(hit.name)}: per 100 g ${macroLine(hit.per100g)}`;
}

function hitsOf(value: Record<string, unknown>): SearchHit[] {
  return Array.isArray(value.hits) ? (value.hits.filter(isRecord) as unknown as SearchHit[]) : [];
}

function lookupReply(results: ToolResult[]): string {
  const lines: string[] = [];
  for (const result of results.filter((candidate) => candidate.name === "search_foods")) {
    const query = String(result.arguments.query ?? "that");
    if (result.outcome.kind !== "ok") {
      lines.push(
        `I couldn't find "${query}" in the USDA database${result.outcome.kind === "error" ? ` (${result.outcome.message})` : ""}. Try another name for it.`,
      );
      continue;
    }
    const [best, ...others] = hitsOf(result.outcome.value);
    if (best === undefined) {
      lines.push(`I couldn't find "${query}" in the USDA database. Try another name for it.`);
      continue;
    }
    lines.push(`${hitLine(best)}.`);
    if (best.portion !== undefined && best.portion.grams !== 100)
      lines.push(`(Per 100 g: ${macroLine(best.per100g)}.)`);
    else if (best.measures !== undefined && best.measures.length > 0)
      lines.push(`Common portions: ${best.measures.slice(0, 3).join("; ")}.`);
    const alternatives = others.slice(0, 2).map((hit) => shortFoodName(hit.name));
    if (alternatives.length > 0) lines.push(`Other matches: ${alternatives.join("; ")}.`);
  }
  lines.push("Source: USDA SR24.");
  return lines.join("\n");
}

function estimateReply(results: ToolResult[], why: "hypothetical" | "third-person" | "refused"): string {
  const lines: string[] = [];
  const portions: MacroNumbers[] = [];
  lines.push(
    why === "third-person"
      ? "I only log your own meals, so nothing was saved. For reference:"
      : why === "refused"
        ? "I haven't logged anything, since it doesn't sound like you've eaten it. Here's the estimate:"
        : "Here's the estimate (nothing logged):",
  );
  for (const result of results.filter((candidate) => candidate.name === "search_foods")) {
    const query = String(result.arguments.query ?? "that");
    if (result.outcome.kind !== "ok") {
      lines.push(`• ${query}: not found in the USDA database.`);
      continue;
    }
    const best = hitsOf(result.outcome.value)[0];
    if (best === undefined) {
      lines.push(`• ${query}: not found in the USDA database.`);
      continue;
    }
    lines.push(`• ${query} → ${hitLine(best)}`);
    portions.push(best.portion ?? best.per100g);
  }
  if (portions.length > 1) {
    const sum = portions.reduce(
      (total, macros) => ({
        energyKcal: total.energyKcal + macros.energyKcal,
        proteinG: total.proteinG + macros.proteinG,
        carbohydrateG: total.carbohydrateG + macros.carbohydrateG,
        fatG: total.fatG + macros.fatG,
      }),
      { energyKcal: 0, proteinG: 0, carbohydrateG: 0, fatG: 0 },
    );
    lines.push(`Together: ${macroLine(sum)}.`);
  }
  const day = okValues(results, "get_daily_totals")
    .map(asDay)
    .find((candidate) => candidate !== undefined);
  const first = portions[0];
  if (day !== undefined && first !== undefined) {
    const added = portions.reduce((total, macros) => total + macros.energyKcal, 0);
    const after = day.totals.energyKcal + added;
    if (day.targets !== undefined) {
      lines.push(
        `You're at ${kcal(day.totals.energyKcal)} today; that would put you at ${kcal(after)} of your ${kcal(day.targets.energyKcal)} target (${Math.round((after / Math.max(day.targets.energyKcal, 1)) * 100)}%).`,
      );
    } else {
      lines.push(`You're at ${kcal(day.totals.energyKcal)} today; that would make it ${kcal(after)}.`);
    }
  }
  if (why !== "third-person") lines.push("If you do eat it, tell me and I'll log it.");
  return lines.join("\n");
}

const NUTRIENT_NAMES: Record<Nutrient, string> = {
  energyKcal: "energy",
  proteinG: "protein",
  carbohydrateG: "carbs",
  fatG: "fat",
};

function amount(nutrient: Nutrient, value: number): string {
  return nutrient === "energyKcal" ? kcal(value) : grams(value);
}

/** "You've had 98 g protein today: 65% of your 150 g target, 52 g to go." */
function nutrientLead(day: DayResult, nutrient: Nutrient, today: string): string {
  const when =
    day.date === today
      ? "today"
      : dayLabel(day.date, today) === "yesterday"
        ? "yesterday"
        : `on ${dayLabel(day.date, today)}`;
  const had = `You've had ${amount(nutrient, day.totals[nutrient])}${nutrient === "energyKcal" ? "" : ` ${NUTRIENT_NAMES[nutrient]}`} ${when}`;
  if (day.targets === undefined || day.remaining === undefined || day.percentOfTarget === undefined) return `${had}.`;
  const left = day.remaining[nutrient];
  const rest = left >= 0 ? `${amount(nutrient, left)} to go` : `${amount(nutrient, -left)} over`;
  return `${had}: ${day.percentOfTarget[nutrient]}% of your ${amount(nutrient, day.targets[nutrient])} target, ${rest}.`;
}

/** At most this many meals are listed in a totals answer; the rest are counted. */
const LISTED_MEALS = 6;

function totalsReply(results: ToolResult[], today: string, nutrient: Nutrient | undefined): string {
  const value = okValues(results, "get_daily_totals")[0];
  const day = asDay(value);
  if (value === undefined || day === undefined) return failureText(results, "get_daily_totals", "read your totals");
  if (day.mealCount === 0) {
    const label = dayLabel(day.date, today);
    const target =
      day.targets === undefined
        ? ""
        : ` Your targets are ${kcal(day.targets.energyKcal)}, ${grams(day.targets.proteinG)} protein, ${grams(day.targets.carbohydrateG)} carbs and ${grams(day.targets.fatG)} fat.`;
    return `Nothing logged for ${label} yet.${target} Tell me what you eat and I'll keep count.`;
  }
  const lines =
    nutrient === undefined
      ? [dayText(day, today)]
      : [nutrientLead(day, nutrient, today), dayText(day, today, "Full day")];
  const meals = Array.isArray(value.meals) ? value.meals.filter(isRecord) : [];
  if (meals.length > 0) {
    const listed = meals
      .slice(0, LISTED_MEALS)
      .map((meal) => `${String(meal.mealType)} ${String(meal.time)} (${kcal(Number(meal.energyKcal))})`);
    const more = meals.length > LISTED_MEALS ? ` and ${meals.length - LISTED_MEALS} more` : "";
    lines.push(`Meals: ${listed.join(", ")}${more}.`);
  }
  if (value.hasTargets === false) lines.push("Set up your profile to see these against daily targets.");
  const tip = nudge(day);
  if (tip !== null) lines.push(tip);
  return lines.join("\n");
}

function mealsReply(results: ToolResult[], today: string, focus: "list" | "totals"): string {
  const value = okValues(results, "get_meals")[0];
  if (value === undefined) return failureText(results, "get_meals", "read your meals");
  const from = String(value.from);
  const to = String(value.to);
  const range = from === to ? dayLabel(from, today) : `${dayLabel(from, today)} to ${dayLabel(to, today)}`;
  const meals = Array.isArray(value.meals)
    ? value.meals.map(asMeal).filter((meal): meal is MealResult => meal !== undefined)
    : [];
  const days = Array.isArray(value.days)
    ? value.days.map(asDay).filter((day): day is DayResult => day !== undefined)
    : [];
  const count = Number(value.mealCount ?? meals.length);
  const filter = typeof value.mealType === "string" ? `${value.mealType} ` : "";
  if (count === 0) return `No ${filter}meals logged for ${range}.`;
  const lines: string[] = [];
  const totals = isRecord(value.totals) ? (value.totals as unknown as MacroNumbers) : undefined;
  if (focus === "totals" && from !== to && totals !== undefined) {
    const dayCount = days.length;
    lines.push(
      `${capitalise(range)}: ${macroLine(totals)} over ${count} ${count === 1 ? "meal" : "meals"} on ${dayCount} ${dayCount === 1 ? "day" : "days"}.`,
    );
    if (dayCount > 1) {
      lines.push(
        `Daily average (logged days): ${kcal(totals.energyKcal / dayCount)} · ${grams(totals.proteinG / dayCount)} protein · ${grams(totals.carbohydrateG / dayCount)} carbs · ${grams(totals.fatG / dayCount)} fat.`,
      );
    }
    for (const day of days) lines.push(`• ${capitalise(dayLabel(day.date, today))}: ${macroLine(day.totals)}`);
    return lines.join("\n");
  }
  lines.push(`${capitalise(filter)}${filter ? "meals" : "Meals"} for ${range}:`);
  for (const meal of meals) {
    const foods = meal.items.map((item) => item.food).join(", ");
    const when =
      from === to
        ? `${capitalise(meal.mealType)} at ${meal.time}`
        : `${capitalise(dayLabel(meal.date, today))}, ${meal.mealType} at ${meal.time}`;
    lines.push(`• ${when}: ${foods} (${kcal(meal.totals.energyKcal)}, ${grams(meal.totals.proteinG)} protein)`);
  }
  if (typeof value.mealsOmitted === "number" && value.mealsOmitted > 0)
    lines.push(`(…and ${value.mealsOmitted} earlier meals.)`);
  if (from === to) {
    const day = days[0];
    if (day !== undefined && filter === "") lines.push(dayText(day, today, "Total"));
    else if (totals !== undefined) lines.push(`Total: ${macroLine(totals)}.`);
  } else if (totals !== undefined) {
    lines.push(`Total for the ${days.length} ${days.length === 1 ? "day" : "days"} with meals: ${macroLine(totals)}.`);
  }
  return lines.join("\n");
}

function deleteReply(results: ToolResult[], today: string): string {
  const value = okValues(results, "delete_meal")[0];
  if (value === undefined) {
    const problem = failures(results, "delete_meal")[0];
    if (problem === undefined) return "Nothing was deleted.";
    if (problem.kind === "refused")
      return "I didn't delete anything: it doesn't sound like you asked me to. To remove a meal, say \"delete my last meal\" or name it.";
    const choices = [...problem.message.matchAll(/([0-9a-f-]{36}) = ([^;]+)/g)].map((match) => `• ${match[2]}`);
    if (choices.length > 0)
      return `More than one meal matches, so I didn't delete anything. Which one?\n${choices.join("\n")}`;
    if (/no meals to delete|no meal/.test(problem.message))
      return `I couldn't find that meal (${problem.message}), so nothing was deleted.`;
    return `I couldn't delete it: ${problem.message}.`;
  }
  const deleted = isRecord(value.deleted) ? value.deleted : {};
  const description = String(deleted.description ?? "the meal");
  if (value.alreadyDeleted === true) return `Already deleted: ${description}.`;
  const totals = isRecord(deleted.totals) ? (deleted.totals as unknown as MacroNumbers) : undefined;
  const foods = description.replace(/^.*?: /, "").replace(/ \(\d[\d,]* kcal\)$/, "");
  const what =
    typeof deleted.mealType === "string" && typeof deleted.date === "string"
      ? `${deleted.mealType} from ${dayLabel(deleted.date, today)} (${String(deleted.time)}): ${foods}${totals ? `, ${kcal(totals.energyKcal)}` : ""}`
      : description;
  const lines = [`Deleted your ${what}.`];
  const day = asDay(value.day);
  if (day !== undefined) lines.push(dayText(day, today, `${capitalise(dayLabel(day.date, today))} now`));
  return lines.join("\n");
}

function photoConfirmReply(results: ToolResult[], items: PhotoItem[]): string {
  const lines = ["Here's what I see in the photo:"];
  items.forEach((item, index) => {
    const result = results.filter((candidate) => candidate.name === "search_foods")[index];
    const hit = result?.outcome.kind === "ok" ? hitsOf(result.outcome.value)[0] : undefined;
    const estimate = hit?.portion !== undefined ? `: about ${macroLine(hit.portion)}` : "";
    const sure = item.confidence >= 0.6 ? "" : " (not sure)";
    lines.push(`• ${item.name}, ~${Math.round(item.grams)} g${sure}${estimate}`);
  });
  lines.push('Want me to log it? Say "yes" (and which meal), or correct anything I got wrong.');
  return lines.join("\n");
}

function failureText(results: ToolResult[], name: string, action: string): string {
  const problem = failures(results, name)[0];
  return problem === undefined
    ? `I couldn't ${action} just now. Please try again.`
    : `I couldn't ${action}: ${problem.message}.`;
}

/** The unknown items left out after the food search did not know them. */
function rejectedText(purpose: Purpose, results: ToolResult[]): string | null {
  const rejected = rejectedItems(purpose, results);
  if (rejected.length === 0) return null;
  const names = joinWords(rejected.map((item) => `"${item.food}"`));
  return `I left out ${names}: I couldn't match ${rejected.length === 1 ? "it" : "them"} to a food. If ${rejected.length === 1 ? "it was" : "they were"} something you ate, tell me what ${rejected.length === 1 ? "it is" : "they are"} and I'll add ${rejected.length === 1 ? "it" : "them"}.`;
}

function logPurposeReply(purpose: Extract<Purpose, { kind: "log" }>, results: ToolResult[], today: string): string {
  const refused = failures(results, "log_meal").some((problem) => problem.kind === "refused");
  if (refused && results.some((result) => result.name === "search_foods")) return estimateReply(results, "refused");
  const logged = results.some((result) => result.name === "log_meal");
  const rejected = rejectedText(purpose, results);
  if (!logged && purpose.verify !== undefined) {
    // Nothing left to log once the unknown phrases were checked: ask rather than log a guess.
    const names = joinWords(purpose.verify.map((item) => `"${item.food}"`));
    return `I'm not sure what food ${names} is, so I haven't logged anything. Could you describe it (e.g. its main ingredients, or a similar food) and how much you had?`;
  }
  const parts = [logReply(results, today, purpose.photoUnsure)];
  if (rejected !== null) parts.push(rejected);
  // Questions about foods asked alongside the log: their search results, apart from the checks.
  const asked = new Set((purpose.searches ?? []).map((search) => search.query));
  const answers = results.filter(
    (result) => result.name === "search_foods" && asked.has(String(result.arguments.query)),
  );
  if (answers.length > 0) parts.push(lookupReply(answers));
  return parts.join("\n\n");
}

function correctReply(results: ToolResult[], today: string): string {
  const deleted = results.find((result) => result.name === "delete_meal");
  if (deleted === undefined || deleted.outcome.kind !== "ok") {
    const reason =
      deleted?.outcome.kind === "error"
        ? ` (${deleted.outcome.message})`
        : deleted?.outcome.kind === "refused"
          ? " (the change wasn't allowed from this message)"
          : "";
    return `I couldn't change the last meal${reason}, so nothing was changed. Say "delete my last meal" and then tell me what you actually had.`;
  }
  const record = deleted.outcome.value.deleted;
  const description =
    typeof record === "object" && record !== null ? String((record as Record<string, unknown>).description ?? "") : "";
  const foods = description.replace(/^.*?: /, "").replace(/ \(\d[\d,]* kcal\)$/, "");
  const logged = okValues(results, "log_meal").length > 0;
  if (!logged)
    return `I removed the old entry (${foods}) but couldn't log the corrected meal: ${failures(results, "log_meal")[0]?.message ?? "no log was made"}. Tell me what you had and I'll log it.`;
  return `Fixed: replaced ${foods || "the last meal"}.\n${logReply(results, today, [])}`;
}

export function replyFor(purpose: Purpose, results: ToolResult[], today: string): string {
  switch (purpose.kind) {
    case "log":
      return logPurposeReply(purpose, results, today);
    case "correct":
      return correctReply(results, today);
    case "photo-confirm":
      return photoConfirmReply(results, purpose.items);
    case "lookup":
      return lookupReply(results);
    case "estimate":
      return estimateReply(results, purpose.why);
    case "totals":
      return totalsReply(results, today, purpose.nutrient);
    case "meals":
      return mealsReply(results, today, purpose.focus);
    case "delete":
      return deleteReply(results, today);
    case "answer":
      return purpose.text;
  }
}
