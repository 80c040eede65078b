// Turns a message into sentences and clauses of plain lowercase words, with contractions
// expanded ("didn't" -> "did not", "I'd had" -> "i had had", "gonna" -> "going to") so the
// analysis only ever sees one spelling of each thing.
import { normaliseForMatching } from "../local/nlu/normalise.ts";
import {
  ACTION_VERBS,
  AUXILIARIES,
  CONTRAST_WORDS,
  FIRST_PERSON,
  LOG_VERBS,
  MODALS,
  NEGATIVE_VERBS,
  OTHER_VERBS,
  SECOND_PERSON,
  THIRD_PERSON_PRONOUNS,
  WH_WORDS,
} from "./lexicon.ts";

export interface Token {
  /** Lowercase, contraction-expanded word, or a punctuation mark. */
  word: string;
  /** The original spelling (case kept), for telling names from words. */
  raw: string;
  /** Set on "son" when written "son's". */
  possessive?: boolean;
}

export interface Sentence {
  tokens: Token[];
  /** Ends with (or contains) a question mark. */
  question: boolean;
}

const FIXED_EXPANSIONS: Record<string, string[]> = {
  "won't": ["will", "not"],
  wont: ["will", "not"],
  "can't": ["can", "not"],
  cant: ["can", "not"],
  cannot: ["can", "not"],
  "shan't": ["shall", "not"],
  "ain't": ["am", "not"],
  "i'm": ["i", "am"],
  im: ["i", "am"],
  "i've": ["i", "have"],
  ive: ["i", "have"],
  "i'll": ["i", "will"],
  gonna: ["going", "to"],
  finna: ["going", "to"],
  wanna: ["want", "to"],
  gotta: ["have", "to"],
  hafta: ["have", "to"],
  tryna: ["trying", "to"],
  lemme: ["let", "me"],
  "let's": ["let", "us"],
  dunno: ["do", "not", "know"],
  idk: ["i", "do", "not", "know"],
  didnt: ["did", "not"],
  dont: ["do", "not"],
  doesnt: ["does", "not"],
  havent: ["have", "not"],
  hasnt: ["has", "not"],
  hadnt: ["had", "not"],
  isnt: ["is", "not"],
  arent: ["are", "not"],
  wasnt: ["was", "not"],
  werent: ["were", "not"],
  couldnt: ["could", "not"],
  wouldnt: ["would", "not"],
  shouldnt: ["should", "not"],
  nope: ["nope"],
  u: ["you"],
  ur: ["your"],
  pls: ["please"],
  plz: ["please"],
  nothin: ["nothing"],
  nevermind: ["never", "mind"],
};

/** Words after "'s" that make it "is" ("my son's at 45 kg", "mum's on vitamin D"), not a possessive. */
const IS_FOLLOWERS = new Set([
  "at",
  "on",
  "in",
  "now",
  "down",
  "up",
  "over",
  "under",
  "back",
  "off",
  "out",
  "just",
  "still",
  "already",
  "also",
  "about",
  "around",
  "nearly",
  "almost",
  "only",
  "been",
  "got",
  "gone",
  "a",
  "an",
  "not",
  "never",
  "always",
]);

/** Pronouns whose "'s" is "is"/"has" rather than a possessive. */
const S_IS_WORDS = new Set(["he", "she", "it", "that", "what", "there", "who", "here", "where", "how", "this"]);

function isParticiple(word: string | undefined): boolean {
  if (word === undefined) return false;
  const tense = ACTION_VERBS.get(word) ?? NEGATIVE_VERBS.get(word);
  return tense === "participle" || tense === "past-or-participle" || word === "been" || word === "logged";
}

function expand(
  word: string,
  next: string | undefined,
  afterNext: string | undefined,
): { words: string[]; possessive?: boolean } {
  const fixed = FIXED_EXPANSIONS[word];
  if (fixed !== undefined) return { words: fixed };
  if (word.endsWith("n't")) return { words: [word.slice(0, -3), "not"] };
  const apostrophe = word.lastIndexOf("'");
  if (apostrophe <= 0) return { words: [word] };
  const stem = word.slice(0, apostrophe);
  const suffix = word.slice(apostrophe + 1);
  // "I'd had" and "I'd already eaten" are "had"; "I'd like" is "would".
  const followedByParticiple =
    isParticiple(next) || ((next === "already" || next === "just") && isParticiple(afterNext));
  switch (suffix) {
    case "ll":
      return { words: [stem, "will"] };
    case "ve":
      return { words: [stem, "have"] };
    case "re":
      return { words: [stem, "are"] };
    case "m":
      return { words: [stem, "am"] };
    case "d":
      return { words: [stem, followedByParticiple ? "had" : "would"] };
    case "s":
      if (S_IS_WORDS.has(stem)) return { words: [stem, followedByParticiple ? "has" : "is"] };
      // "my son's at 45 kg", "my wife's been taking iron": "is" or "has", not whose.
      if (followedByParticiple || (next !== undefined && (IS_FOLLOWERS.has(next) || /^\d|ing$/.test(next))))
        return { words: [stem, followedByParticiple ? "has" : "is"] };
      return { words: [stem], possessive: true };
    default:
      return { words: [word] };
  }
}

/** Splits a message into sentences of expanded tokens. */
export function sentencesOf(message: string): Sentence[] {
  let lower = normaliseForMatching(message, { keepNewlines: true });
  // "a.m." would otherwise end a sentence in the middle of a time.
  lower = lower.replace(/\b([ap])\.m\.?/g, (match, letter: string) => `${letter}m`.padEnd(match.length, " "));

  const raw: { word: string; raw: string }[] = [];
  const pattern = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:'[\p{L}]+)*|[?!.;:,&+\n]|\s-\s|—/gu;
  for (const match of lower.matchAll(pattern)) {
    raw.push({ word: match[0].trim(), raw: message.slice(match.index, match.index + match[0].length).trim() });
  }

  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const finish = (question: boolean): void => {
    if (current.length > 0) sentences.push({ tokens: current, question });
    current = [];
  };
  for (let index = 0; index < raw.length; index += 1) {
    const item = raw[index] as { word: string; raw: string };
    if (item.word === "?" || item.word === "!" || item.word === "." || item.word === ";" || item.word === "\n") {
      const question = item.word === "?" || (current.length > 0 && raw[index + 1]?.word === "?");
      finish(question);
      continue;
    }
    const expanded = expand(item.word, raw[index + 1]?.word, raw[index + 2]?.word);
    for (const word of expanded.words) {
      const token: Token = { word, raw: item.raw };
      if (expanded.possessive === true) token.possessive = true;
      current.push(token);
    }
  }
  finish(false);
  return sentences;
}

/** Time words that open a new clause after a comma: "..., and tomorrow I'm having waffles". */
const TIME_OPENERS = new Set(["today", "tomorrow", "yesterday", "tonight", "later", "afterwards", "earlier", "then"]);

/** Conjunctions that always open a new clause and stay in it ("but toast"). */
const CONTRAST_CONJUNCTIONS = new Set(["but", "though", "although", "however", "whereas"]);
/** Conjunctions that open a new clause only when a clause actually starts after them. */
const JOINING_CONJUNCTIONS = new Set(["and", "or", "so", "because", "cause", "cos", "then", "plus", "while", "also"]);

export function isVerbish(word: string): boolean {
  return (
    ACTION_VERBS.has(word) ||
    NEGATIVE_VERBS.has(word) ||
    LOG_VERBS.has(word) ||
    MODALS.has(word) ||
    AUXILIARIES.has(word) ||
    OTHER_VERBS.has(word)
  );
}

/** Words that can open a clause: subjects, auxiliaries, verbs, negations, question words. */
function startsClause(token: Token | undefined, next: Token | undefined): boolean {
  if (token === undefined) return false;
  const word = token.word;
  if (FIRST_PERSON.has(word) || SECOND_PERSON.has(word) || THIRD_PERSON_PRONOUNS.has(word)) return true;
  if (word === "my" || word === "our" || word === "his" || word === "her" || word === "their") return true;
  if (isVerbish(word) || WH_WORDS.has(word) || CONTRAST_WORDS.has(word)) return true;
  if (word === "not" || word === "never" || word === "no" || word === "nothing" || word === "please" || word === "let")
    return true;
  if (TIME_OPENERS.has(word)) return true;
  if (
    (word === "it" || word === "that" || word === "this" || word === "there") &&
    next !== undefined &&
    isVerbish(next.word)
  )
    return true;
  // A capitalised name followed by a verb: "..., Sarah had the salmon".
  return /^\p{Lu}/u.test(token.raw) && word !== "i" && next !== undefined && ACTION_VERBS.has(next.word);
}

/** Splits a sentence into clauses at punctuation and conjunctions that begin a new clause. */
export function clausesOf(sentence: Sentence): Token[][] {
  const clauses: Token[][] = [];
  let current: Token[] = [];
  const tokens = sentence.tokens;
  const push = (): void => {
    if (current.length > 0) clauses.push(current);
    current = [];
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1];
    const afterNext = tokens[index + 2];
    const word = token.word;
    if (word === ":") {
      push();
      continue;
    }
    if (word === "," || word === "-" || word === "—" || word === "&" || word === "+") {
      if (
        word === "," &&
        next !== undefined &&
        JOINING_CONJUNCTIONS.has(next.word) &&
        startsClause(afterNext, tokens[index + 3])
      ) {
        push();
        index += 1;
        continue;
      }
      if (startsClause(next, afterNext)) {
        push();
        continue;
      }
      current.push(token);
      continue;
    }
    if (CONTRAST_CONJUNCTIONS.has(word) && current.length > 0) {
      push();
      current.push(token);
      continue;
    }
    if (JOINING_CONJUNCTIONS.has(word) && current.length > 0) {
      // "and then had", "so I skipped": skip a second joining word.
      let start = index + 1;
      if (tokens[start] !== undefined && JOINING_CONJUNCTIONS.has(tokens[start]?.word ?? "")) start += 1;
      const hasVerb = current.some((item) => isVerbish(item.word));
      // "my wife and I had" is one subject, so "and" only splits once the clause has its verb.
      if (hasVerb && startsClause(tokens[start], tokens[start + 1])) {
        push();
        index = start - 1;
        continue;
      }
    }
    current.push(token);
  }
  push();
  return clauses;
}
