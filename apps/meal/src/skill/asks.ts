// Cuts a message into what it states and what it asks: "add a latte and tell me my total" states
// "add a latte" and asks "tell me my total"; "a pint of beer - how many kcal is that" states "a
// pint of beer" and asks about it; "remind me what I had for dinner" only asks. Items are read
// from the statements alone, so a question is never logged as food.

/** Words that open a question or a request to read something back. */
const ASK_OPENER =
  "(?:how(?:'s|'re|'d)?|what(?:'s|'re)?|whats|which|when|where|why|who|did (?:i|we)|do (?:i|we|you)|does|is (?:it|that|this|there|my)|are (?:they|those|these|there|my)|was (?:it|that|this|there|my)|were (?:they|those|there|my)|am i|have (?:i|we)|has my|can (?:you|u) (?:tell|show|remind|give|list|check|let)|could (?:you|u) (?:tell|show|remind|give|list|check|let)|will (?:i|that|this|it)|would (?:that|this|it|i)|should i|tell me|remind me|show me|show my|list my|list all|give me|let me know|let me see|pull up|display|check (?:my|how|what|if)|any idea|wondering|i wonder|i'd like to know|i want to know|need to know|i'm curious|curious)\\b";

/** Where a clause may begin inside a sentence. */
const INSIDE = "(?:,\\s*|\\s+[-–:]\\s+|\\s+(?:and|so|then|also|plus|but|now|btw)\\s+)";
const LEAD = "(?:(?:and|so|then|also|plus|but|now|btw|ok|okay|oh|hey|please|pls)\\s*,?\\s+)*";

const ASK_AT_START = new RegExp(`^${LEAD}(${ASK_OPENER})`);
const ASK_INSIDE = new RegExp(`${INSIDE}${LEAD}(${ASK_OPENER})`);

/** "can you log a wrap?", "please add 2 eggs": a request to write, even as a question. */
const WRITE_REQUEST =
  /^(?:(?:ok|okay|so|hey|oh|please|pls)[,\s]+)*(?:(?:can|could|would|will) (?:you|u) (?:please |pls )?|please |pls )?(?:log|add|track|record|note|save|enter|put)\b(?! (?:of|on)\b)/;

export interface MessageParts {
  /** Sentences and clauses that state something: what was eaten, a request to log. */
  statements: string[];
  /** Clauses that ask something or ask for something to be read back. */
  asks: string[];
}

function sentencesOf(text: string): { text: string; question: boolean }[] {
  return text
    .split(/(?<=[.!?])\s+|\n+|;\s*/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.replace(/[.!?]/g, "").trim() !== "")
    .map((sentence) => ({ text: sentence.replace(/[.!]+$/, "").trim(), question: /\?\s*$/.test(sentence) }));
}

/** Trailing "and", "so" or a comma left when a clause is cut off after it. */
function trimJoints(text: string): string {
  return text.replace(/(?:[\s,;:–-]+|\s+(?:and|so|then|also|plus|but|now|btw)\s*)+$/, "").trim();
}

/** The statement before an ask and the ask itself, cut where the ask's opening word starts. */
function cut(sentence: string, match: RegExpExecArray): [string, string] {
  const opener = match.index + match[0].length - (match[1]?.length ?? 0);
  return [trimJoints(sentence.slice(0, match.index)), sentence.slice(opener).trim()];
}

export function splitAsks(text: string): MessageParts {
  const statements: string[] = [];
  const asks: string[] = [];
  for (const sentence of sentencesOf(text)) {
    // "log a latte and tell me my total": a request to write, then maybe a question.
    const atStart = WRITE_REQUEST.test(sentence.text) ? null : ASK_AT_START.exec(sentence.text);
    const match = atStart ?? ASK_INSIDE.exec(sentence.text);
    if (match === null) {
      // "protein total for today?", "kcal left?": a question with no opening word.
      if (sentence.question && !WRITE_REQUEST.test(sentence.text)) asks.push(sentence.text);
      else statements.push(sentence.text);
      continue;
    }
    const [before, ask] = cut(sentence.text, match);
    if (before !== "") statements.push(before);
    asks.push(ask);
  }
  return { statements, asks };
}
