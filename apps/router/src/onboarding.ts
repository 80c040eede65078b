// Onboarding Q&A: collect sex, age, height, weight, activity level and goal, a few at a time. The
// model (or the local engine's skill below) replies as JSON `{ reply, profile }` with whatever
// fields the user gave; the Worker validates each field on its own, so one bad value never
// discards the others, and merges them into the draft the gateway keeps between turns.
import type { LocalSkill } from "@ensemble/ai/local";
import { type Profile, profileSchema } from "@ensemble/contracts";
import { z } from "zod";

export const ONBOARDING_PROMPT = `You onboard a new user of a nutrition and training coach.
Collect: sex (male|female), age (years), heightCm, weightKg, activityLevel (sedentary|light|moderate|active|very_active), goal (lose|maintain|gain).
Ask for the missing fields in one short friendly question. Convert units (feet/inches to cm, lb to kg).
Reply ONLY with JSON: {"reply": string, "profile": {only the fields the user stated}}.`;

export const PROFILE_FIELDS = ["sex", "age", "heightCm", "weightKg", "activityLevel", "goal"] as const;
export type ProfileDraft = Partial<Profile>;

/** Keeps each valid field of a model's answer, drops each invalid one. */
export function validFields(candidate: unknown): ProfileDraft {
  if (!candidate || typeof candidate !== "object") return {};
  const draft: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    const value = (candidate as Record<string, unknown>)[field];
    const parsed = profileSchema.shape[field].safeParse(
      typeof value === "string" && field !== "sex" && field !== "activityLevel" && field !== "goal"
        ? Number(value)
        : value,
    );
    if (parsed.success) draft[field] = parsed.data;
  }
  return draft as ProfileDraft;
}

export const onboardingReplySchema = z.object({ reply: z.string().min(1), profile: z.unknown().optional() });

const QUESTIONS: Record<(typeof PROFILE_FIELDS)[number], string> = {
  sex: "your sex (male or female, for the energy formula)",
  age: "your age",
  heightCm: "your height",
  weightKg: "your current weight",
  activityLevel: "how active you are (sedentary, light, moderate, active or very active)",
  goal: "your goal: lose fat, maintain, or gain muscle",
};

export function missingFields(draft: ProfileDraft): (typeof PROFILE_FIELDS)[number][] {
  return PROFILE_FIELDS.filter((field) => draft[field] === undefined);
}

export function nextQuestion(draft: ProfileDraft): string {
  const missing = missingFields(draft).map((field) => QUESTIONS[field]);
  if (missing.length === 0) return "Thanks, that's everything I need.";
  const asked = missing.slice(0, 3);
  const list = asked.length === 1 ? asked[0] : `${asked.slice(0, -1).join(", ")} and ${asked.at(-1)}`;
  return `To set your daily targets, tell me ${list}.`;
}

/** What the local engine understands of a profile answer ("I'm a 34 year old man, 5'11, 180 lbs"). */
export function extractProfile(text: string): ProfileDraft {
  const lower = text.toLowerCase();
  const draft: ProfileDraft = {};

  if (/\b(female|woman|girl|lady|she\/her)\b/.test(lower)) draft.sex = "female";
  else if (/\b(male|man|guy|dude|he\/him)\b/.test(lower)) draft.sex = "male";

  const age =
    /\b(\d{2})\s*(?:years?\s*old|y\.?o\.?|yrs?\b|years?\b)/.exec(lower) ??
    /\b(?:age|aged|i'?m|i am)\s*(\d{2})\b(?!\s*(?:kg|lb|cm|%))/.exec(lower);
  if (age) draft.age = Number(age[1]);
  else {
    // "female, 29, 165 cm, 60 kg": a bare two-digit number with no unit after it is the age.
    const bare =
      /(?:^|[\s,;(])(\d{2})(?![\d.,]*\s*(?:cm|kg|kgs|kilos?|lbs?|pounds?|%|'|"|ft|feet|foot|in\b|inches|m\b|x\b|reps?|sets?|min))(?=[\s,;.)!]|$)/.exec(
        lower,
      );
    if (bare) draft.age = Number(bare[1]);
  }

  const feet = /\b(\d)\s*(?:'|ft|feet|foot)\s*(\d{1,2})?\s*(?:"|in|inches)?/.exec(lower);
  const centimetres = /\b(\d{3})\s*cm\b/.exec(lower);
  const metres = /\b([12][.,]\d{1,2})\s*m\b/.exec(lower);
  if (centimetres) draft.heightCm = Number(centimetres[1]);
  else if (metres) draft.heightCm = Math.round(Number(metres[1]!.replace(",", ".")) * 100);
  else if (feet) draft.heightCm = Math.round((Number(feet[1]) * 12 + Number(feet[2] ?? 0)) * 2.54);

  const kilograms = /\b(\d{2,3}(?:[.,]\d)?)\s*(?:kg|kgs|kilos?|kilograms?)\b/.exec(lower);
  const pounds = /\b(\d{2,3}(?:\.\d)?)\s*(?:lb|lbs|pounds?)\b/.exec(lower);
  if (kilograms) draft.weightKg = Number(kilograms[1]!.replace(",", "."));
  else if (pounds) draft.weightKg = Math.round(Number(pounds[1]) * 0.45359237 * 10) / 10;

  if (/\bvery active\b|\bathlete\b|\btwice a day\b|\b(6|7|six|seven)\s*(?:x|times|days)/.test(lower))
    draft.activityLevel = "very_active";
  else if (/\bsedentary\b|\bdesk job\b|\bdon'?t (?:exercise|train|work out)\b|\bnot active\b/.test(lower))
    draft.activityLevel = "sedentary";
  else if (/\blightly active\b|\blight\b|\b(1|2|one|two)\s*(?:x|times|days)\b/.test(lower))
    draft.activityLevel = "light";
  else if (/\bmoderate(?:ly)?\b|\b(3|4|three|four)\s*(?:x|times|days)\b/.test(lower)) draft.activityLevel = "moderate";
  else if (/\bactive\b|\b(5|five)\s*(?:x|times|days)\b/.test(lower)) draft.activityLevel = "active";

  if (/\b(lose|losing|cut|cutting|fat loss|lean out|slim|drop (?:some )?weight|weight loss)\b/.test(lower))
    draft.goal = "lose";
  else if (/\b(gain|gaining|bulk|bulking|build muscle|put on|mass)\b/.test(lower)) draft.goal = "gain";
  else if (/\b(maintain|maintenance|stay the same|keep my weight|recomp)\b/.test(lower)) draft.goal = "maintain";

  return validFields(draft);
}

/** The local engine's onboarding: extract what the last message says and ask for the rest. */
export const onboardingSkill: LocalSkill = {
  domain: "onboarding",
  next({ messages }) {
    const lastUser = messages.toReversed().find((message) => message.role === "user");
    const text = typeof lastUser?.content === "string" ? lastUser.content : "";
    // The Worker puts the draft so far in the system message, so the skill can ask only for what is missing.
    const system = messages.find((message) => message.role === "system")?.content ?? "";
    const known = /Known so far: (\{.*\})/.exec(typeof system === "string" ? system : "")?.[1];
    const draft = { ...validFields(known ? JSON.parse(known) : {}), ...extractProfile(text) };
    const gotSomething = Object.keys(extractProfile(text)).length > 0;
    const greeting = gotSomething ? "Got it." : "Welcome! I'm your nutrition and training coach.";
    return {
      type: "answer",
      text: JSON.stringify({ reply: `${greeting} ${nextQuestion(draft)}`, profile: extractProfile(text) }),
    };
  },
};
