// Misspelt words the skill's patterns look for ("tooke my creatin", "pasue fish oil",
// "tuk my suplements"), put right before the message is read. Only words close to one this
// skill knows are changed, and never a word that is itself one of them; supplement names have
// their own typo matching (parse.ts).
import { editDistance } from "../supplements.ts";

/**
 * The words the skill's patterns are written with: verbs of taking and changing (with their
 * other forms, so "switched" is never "corrected" to "switch"), and the nouns for a stack.
 */
const VOCABULARY = [
  "took",
  "take",
  "takes",
  "taken",
  "taking",
  "popped",
  "swallowed",
  "finish",
  "finished",
  "pause",
  "paused",
  "pauses",
  "pausing",
  "resume",
  "resumed",
  "resuming",
  "restart",
  "restarted",
  "restarting",
  "starts",
  "started",
  "starting",
  "stops",
  "stopped",
  "stopping",
  "switch",
  "switched",
  "switching",
  "increase",
  "increased",
  "increasing",
  "decrease",
  "decreased",
  "decreasing",
  "reduce",
  "reduced",
  "reducing",
  "supplements",
  "supplement",
  "supps",
  "vitamins",
  "vitamin",
  "adherence",
  "consistency",
  "consistent",
  "schedule",
  "protocol",
  "capsules",
  "capsule",
  "tablets",
  "tablet",
  "morning",
  "mornings",
  "evening",
  "evenings",
  "tonight",
  "yesterday",
  "tomorrow",
  "breakfast",
  "dinner",
  "dinners",
  "everything",
  "forget",
  "forgot",
  "missed",
  "missing",
  "skipped",
  "skipping",
  "streak",
  "streaks",
  "weeks",
];
const KNOWN = new Set(VOCABULARY);

/** Ordinary words one edit from a vocabulary word, which must stay as they are ("tale" is not "take"). */
const LEAVE_ALONE = new Set([
  "taker",
  "token",
  "stated",
  "stared",
  "staring",
  "starring",
  "stopper",
  "stoppage",
  "mourning",
  "seeks",
  "weeds",
  "cause",
]);

/** Two-letter and three-letter spellings of "took"/"take" by sound ("tuk", "tok", "tk"). */
const SOUNDS_LIKE_TOOK = new Set(["tuk", "tok", "tk", "tuke", "tooke", "tooked", "tookd"]);

function allowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Shorthand written for speed: "2 wks", "tmrw". */
const SHORTHAND: Record<string, string> = {
  wk: "week",
  wks: "weeks",
  mo: "month",
  mos: "months",
  mth: "month",
  mths: "months",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tomoz: "tomorrow",
  tonite: "tonight",
  supps: "supplements",
  vits: "vitamins",
};

/** The word without an ending, so other forms of a known word ("finishing", "start") are left alone. */
function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, "");
}

function correctWord(word: string): string {
  const lower = word.toLowerCase();
  if (SOUNDS_LIKE_TOOK.has(lower)) return "took";
  const shorthand = SHORTHAND[lower];
  if (shorthand !== undefined) return shorthand;
  if (KNOWN.has(lower) || LEAVE_ALONE.has(lower) || !/^[a-z]+$/.test(lower)) return word;
  const limit = allowance(lower.length);
  if (limit === 0) return word;
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of VOCABULARY) {
    if (Math.abs(candidate.length - lower.length) > limit || candidate[0] !== lower[0]) continue;
    if (stem(candidate) === stem(lower)) return word;
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? word;
}

/** The message with misspelt vocabulary words put right; everything else as it was. */
export function correctTypos(text: string): string {
  return text.replace(/[A-Za-z]+/g, correctWord);
}
