// Body measurements in free text: "82.1kg, 17% bf", "scale says 79.9", "weighed in at 176.4 lb",
// "waist 84 cm, hips 98", "body fat is down to 18 percent". A bare number is a body weight only
// with a weighing word near it, or when the whole message is that number.
import type { CircumferenceSite } from "@ensemble/contracts";
import { normaliseForMatching } from "@ensemble/ai/local";

export interface BodyReading {
  weight?: number;
  weightUnit?: "kg" | "lb";
  bodyFatPercent?: number;
  circumferences?: { site: CircumferenceSite; value: number; unit?: "cm" | "in" }[];
  /** Offsets of the text used, so a workout parser can skip it. */
  spans: { start: number; end: number }[];
}

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)`;
const MASS_UNIT = String.raw`(kg|kgs|kilos?|kilograms?|lbs?|pounds?)`;
const WEIGH_CUE = String.raw`(?:weigh(?:ed|ing|s)?(?:\s+in)?|weigh-in|weight(?:\s+(?:is|was|today|this\s+morning|check|update|now|reading))?|body\s*weight|bodyweight|scales?(?:\s+(?:says?|said|shows?|showed|reads?|read|was|is))?|weighed\s+myself(?:\s+at)?|i'?m|i\s+am|down\s+to|up\s+to|now|morning\s+weight)`;

function massUnit(word: string | undefined): "kg" | "lb" | undefined {
  if (word === undefined) return undefined;
  return /^(?:lbs?|pounds?)$/.test(word) ? "lb" : "kg";
}

function toNumber(text: string): number {
  return Number(text.replace(",", "."));
}

const SITES: Record<string, CircumferenceSite> = {
  waist: "waist",
  waistline: "waist",
  belly: "waist",
  stomach: "waist",
  hips: "hips",
  hip: "hips",
  chest: "chest",
  neck: "neck",
  arm: "arm",
  arms: "arm",
  bicep: "arm",
  biceps: "arm",
  thigh: "thigh",
  thighs: "thigh",
  calf: "calf",
  calves: "calf",
};
const SITE_WORDS = Object.keys(SITES).join("|");
const LENGTH_UNIT = String.raw`(cm|cms|centimet(?:er|re)s?|in|inch|inches|")`;

function lengthUnit(word: string | undefined): "cm" | "in" | undefined {
  if (word === undefined) return undefined;
  return /^(?:in|inch|inches|")$/.test(word) ? "in" : "cm";
}

/**
 * The measurements a message reports, or null when it reports none. `trainingPresent` says the
 * message also names an exercise or sets and reps, so a lone mass ("100kg") is a load, not a body weight.
 */
export function parseBodyMetrics(message: string, trainingPresent: boolean): BodyReading | null {
  const text = normaliseForMatching(message);
  const reading: BodyReading = { spans: [] };

  // Body fat: "17% bf", "bf 17%", "body fat is 18 percent", "18% body fat".
  const fatAfter = new RegExp(
    String.raw`\b${NUMBER}\s*(?:%|percent|per\s*cent)\s*(?:body\s*-?\s*fat|bodyfat|bf|fat)\b`,
  ).exec(text);
  const fatBefore = new RegExp(
    String.raw`\b(?:body\s*-?\s*fat|bodyfat|bf)(?:\s*%)?(?:\s*(?:is|was|at|of|:|=|now|went|has|gone|dropped|fell|down|up|to|measured|reading|about|around|today))*\s*${NUMBER}\s*(?:%|percent|per\s*cent)?`,
  ).exec(text);
  const fat = fatAfter ?? fatBefore;
  if (fat !== null) {
    const value = toNumber(fat[1] ?? "");
    if (value >= 2 && value <= 75) {
      reading.bodyFatPercent = value;
      reading.spans.push({ start: fat.index, end: fat.index + fat[0].length });
    }
  }

  // Circumferences: "waist 84 cm", "waist is 33 inches", "84cm waist".
  const circumferences: NonNullable<BodyReading["circumferences"]> = [];
  const siteFirst = new RegExp(
    String.raw`\b(${SITE_WORDS})\b(?:\s+(?:measurement|circumference|size))?(?:\s*(?:is|are|was|were|at|:|=|measures?|measured|measuring|of|down\s+to|up\s+to|now|currently|sitting|came\s+in))*\s*(?:at|to)?\s*${NUMBER}\s*${LENGTH_UNIT}?(?![\w%])`,
    "g",
  );
  const numberFirst = new RegExp(String.raw`\b${NUMBER}\s*${LENGTH_UNIT}\s+(${SITE_WORDS})\b`, "g");
  for (const match of text.matchAll(siteFirst)) {
    const site = SITES[match[1] ?? ""];
    const value = toNumber(match[2] ?? "");
    const unit = lengthUnit(match[3]);
    if (site === undefined || circumferences.some((entry) => entry.site === site)) continue;
    // "chest 3x10" or "arms 20 minutes" are training, not tape measurements.
    if (/^\s*(?:x|sets?|reps?|min|minutes?|kg|lbs?)\b/.test(text.slice(match.index + match[0].length))) continue;
    if (unit === undefined && value < 15) continue;
    circumferences.push({ site, value, ...(unit ? { unit } : {}) });
    reading.spans.push({ start: match.index, end: match.index + match[0].length });
  }
  // "measured my arms today, 38cm": a few words between the site and a number with its unit.
  const loose = new RegExp(String.raw`\b(${SITE_WORDS})\b[^\d?]{0,25}?${NUMBER}\s*${LENGTH_UNIT}(?![\w%])`, "g");
  for (const match of /\bmeasur\w*|\btape\b|\bcircumference/.test(text) ? text.matchAll(loose) : []) {
    const site = SITES[match[1] ?? ""];
    if (site === undefined || circumferences.some((entry) => entry.site === site)) continue;
    circumferences.push({ site, value: toNumber(match[2] ?? ""), unit: lengthUnit(match[3]) ?? "cm" });
    reading.spans.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(numberFirst)) {
    const site = SITES[match[3] ?? ""];
    if (site === undefined || circumferences.some((entry) => entry.site === site)) continue;
    circumferences.push({ site, value: toNumber(match[1] ?? ""), unit: lengthUnit(match[2]) ?? "cm" });
    reading.spans.push({ start: match.index, end: match.index + match[0].length });
  }
  if (circumferences.length > 0) reading.circumferences = circumferences;

  // Stones, as the UK weighs people: "13 stone 4", "12st 10lb" (14 lb to the stone), stored as lb.
  const stone = /\b(\d{1,2})\s*(?:st|stone|stones)\b(?:\s*(?:and\s+)?(\d{1,2}(?:[.,]\d)?)\s*(?:lbs?|pounds?)?)?/.exec(
    text,
  );
  if (stone !== null) {
    const pounds = Number(stone[1]) * 14 + (stone[2] === undefined ? 0 : toNumber(stone[2]));
    if (plausibleWeight(pounds, "lb")) {
      reading.weight = Math.round(pounds * 10) / 10;
      reading.weightUnit = "lb";
      reading.spans.push({ start: stone.index, end: stone.index + stone[0].length });
    }
  }

  // "83.4 on the scale": the number before the scale.
  const beforeScale = new RegExp(
    String.raw`(?<![\w.])${NUMBER}\s*${MASS_UNIT}?\s+(?:on|according\s+to)\s+(?:the\s+|my\s+)?scales?\b`,
  ).exec(text);
  if (
    reading.weight === undefined &&
    beforeScale !== null &&
    plausibleWeight(toNumber(beforeScale[1] ?? ""), massUnit(beforeScale[2]))
  ) {
    reading.weight = toNumber(beforeScale[1] ?? "");
    const unit = massUnit(beforeScale[2]);
    if (unit) reading.weightUnit = unit;
    reading.spans.push({ start: beforeScale.index, end: beforeScale.index + beforeScale[0].length });
  }

  // Weight with a weighing word: "weighed in at 81.4", "scale says 79.9", "I'm 80.2 kg".
  const filler = String.raw`(?:\s+(?:this\s+morning|today|this\s+am|tonight|yesterday|last\s+night|on\s+the\s+scales?|first\s+thing))?`;
  const cued = new RegExp(
    String.raw`\b${WEIGH_CUE}${filler}\s*(?::|-|of|at|in\s+at|is|was)?\s*(?:at|about|around|exactly|just)?\s*${NUMBER}\s*${MASS_UNIT}?(?![\w%])`,
    "g",
  );
  for (const match of reading.weight === undefined ? text.matchAll(cued) : []) {
    const cue = match[0]
      .slice(0, match[0].search(/\d/))
      .replace(
        /\s+(?:this\s+morning|today|this\s+am|tonight|yesterday|last\s+night|on\s+the\s+scales?|first\s+thing)\s*[:-]?\s*$/,
        "",
      )
      .replace(/\s*[:-]\s*$/, "")
      .trim();
    const unit = massUnit(match[2]);
    const value = toNumber(match[1] ?? "");
    // "I'm", "now" and "up to" are weighing words only with a unit and no exercise
    // around ("worked up to 180" is a lift); the others name the scale outright.
    const weakCue = /^(?:i'?m|i\s+am|now|up\s+to|down\s+to)$/.test(cue);
    // "down to 81.3" names the scale even without a unit; "I'm 30" may be an age.
    if (weakCue && (trainingPresent || (unit === undefined && !/^(?:down|up)\s+to$/.test(cue)))) continue;
    if (/worked\s+up\s+to$/.test(text.slice(Math.max(0, match.index - 7), match.index + cue.length))) continue;
    if (!plausibleWeight(value, unit)) continue;
    reading.weight = value;
    if (unit) reading.weightUnit = unit;
    reading.spans.push({ start: match.index, end: match.index + match[0].length });
    break;
  }

  // No weighing word: a mass alone ("82.1kg", "82.1 kg this morning, 17% bf") when no exercise is named.
  if (reading.weight === undefined && !trainingPresent) {
    const lone = new RegExp(String.raw`(?<![\w.])${NUMBER}\s*${MASS_UNIT}(?![\w%])`).exec(text);
    const masses = text.match(new RegExp(String.raw`(?<![\w.])\d+(?:[.,]\d+)?\s*${MASS_UNIT}(?![\w%])`, "g")) ?? [];
    // "lost 2 kg", "gained a pound" are changes, not weights.
    const change =
      lone !== null &&
      /\b(?:lost|lose|losing|gained|gain|gaining|put\s+on|dropped|down|up)\s*(?:another|about|around)?\s*$/.test(
        text.slice(0, lone.index),
      );
    if (
      lone !== null &&
      masses.length === 1 &&
      !change &&
      plausibleWeight(toNumber(lone[1] ?? ""), massUnit(lone[2]))
    ) {
      reading.weight = toNumber(lone[1] ?? "");
      reading.weightUnit = massUnit(lone[2]) ?? "kg";
      reading.spans.push({ start: lone.index, end: lone.index + lone[0].length });
    }
  }

  // Beside a body-fat reading, a mass is the body weight even when the message names training too
  // ("82.1kg, 17% bf, and 3x10 pull-ups"), unless it reads as a load ("at 100kg", "100kg x 5").
  if (reading.weight === undefined && reading.bodyFatPercent !== undefined && fat !== null) {
    const nearby = new RegExp(String.raw`(?<![\w.@])${NUMBER}\s*${MASS_UNIT}(?![\w%])`, "g");
    for (const match of text.matchAll(nearby)) {
      const end = match.index + match[0].length;
      const close = Math.min(Math.abs(fat.index - end), Math.abs(match.index - (fat.index + fat[0].length))) <= 6;
      const load =
        /(?:\bat|@|\bwith|\bx)\s*$/.test(text.slice(Math.max(0, match.index - 6), match.index)) ||
        /^\s*(?:x|for)\b/.test(text.slice(end));
      if (!close || load || !plausibleWeight(toNumber(match[1] ?? ""), massUnit(match[2]))) continue;
      reading.weight = toNumber(match[1] ?? "");
      reading.weightUnit = massUnit(match[2]) ?? "kg";
      reading.spans.push({ start: match.index, end });
      break;
    }
  }

  // The whole message is one number, maybe with a day: "79.9", "80.2 this morning".
  if (
    reading.weight === undefined &&
    !trainingPresent &&
    reading.bodyFatPercent === undefined &&
    circumferences.length === 0
  ) {
    const bare = new RegExp(
      String.raw`^\s*${NUMBER}\s*(?:today|this\s+morning|today\s+morning|on\s+the\s+scale|this\s+am|am)?\s*[.!]?\s*$`,
    ).exec(text);
    if (bare !== null && plausibleWeight(toNumber(bare[1] ?? ""), undefined)) {
      reading.weight = toNumber(bare[1] ?? "");
      reading.spans.push({ start: bare.index, end: bare.index + bare[0].length });
    }
  }

  // "82.1kg, 17%": a percentage right beside a body weight is body fat.
  if (reading.bodyFatPercent === undefined && reading.weight !== undefined) {
    const percent = new RegExp(String.raw`\b${NUMBER}\s*(?:%|percent)`).exec(text);
    if (percent !== null) {
      const value = toNumber(percent[1] ?? "");
      if (value >= 2 && value <= 75) {
        reading.bodyFatPercent = value;
        reading.spans.push({ start: percent.index, end: percent.index + percent[0].length });
      }
    }
  }

  const found =
    reading.weight !== undefined || reading.bodyFatPercent !== undefined || reading.circumferences !== undefined;
  return found ? reading : null;
}

function plausibleWeight(value: number, unit: "kg" | "lb" | undefined): boolean {
  if (unit === "lb") return value >= 60 && value <= 800;
  if (unit === "kg") return value >= 25 && value <= 350;
  return value >= 25 && value <= 800;
}
