// Decides, clause by clause, whether a message reports something the user did (which may be
// written down) or only imagines, denies, asks about, or tells of someone else's doing.
//
// A message "reports an action" when at least one clause is a factual first-person report
// ("had a pizza"), a request to write ("please log my lunch"), or a plain list of items
// ("2 eggs and toast"). Only when no clause does are the hypothetical / negated / third-person
// flags raised for the whole message, so "I had a pizza, would that be a lot?" still logs the pizza
// while "what if I had a pizza?" does not.
import { findNumbers, numberWordValue } from "../local/nlu/numbers.ts";
import {
  ABILITY_INFINITIVE_TRIGGERS,
  ACTION_VERBS,
  AUXILIARIES,
  CONTRAST_WORDS,
  DECLINES,
  DETERMINERS,
  EXCEPTION_WORDS,
  FILLER_WORDS,
  FIRST_PERSON,
  FUTURE_TIME_WORDS,
  FUTURE_TIMES,
  HYPOTHETICAL_MARKERS,
  LOG_VERBS,
  MODALS,
  NEGATIVE_INFINITIVE_TRIGGERS,
  NEGATIVE_PHRASES,
  NEGATIVE_VERBS,
  OTHER_VERBS,
  PERSON_NOUNS,
  REAL_INFINITIVE_TRIGGERS,
  SECOND_PERSON,
  THING_SUBJECTS,
  THIRD_PERSON_PRONOUNS,
  VERB_GROUP_ADVERBS,
  WHETHER_IF_LEADS,
  WH_WORDS,
  type Tense,
} from "./lexicon.ts";
import { clausesOf, isVerbish, sentencesOf, type Token } from "./tokens.ts";

export interface ClauseAnalysis {
  /** The clause as the analysis saw it: lowercase, contractions expanded. */
  text: string;
  /** A factual first-person report, a request to write, or a plain list of items. */
  reportsAction: boolean;
  /** Asks the platform to write ("log my lunch", "can you add 2 eggs"). */
  logRequest: boolean;
  hypothetical: boolean;
  negated: boolean;
  thirdPerson: boolean;
  question: boolean;
  /** This clause calls off what came before ("never mind", "scratch that"). */
  cancels: boolean;
  /**
   * The user's own plan or schedule, or a request to change one, without deliberating:
   * "starting creatine tomorrow", "pause fish oil until next Monday", "can you move zinc to evenings".
   * Not "what if", "should I", "would", "thinking about", "maybe", a denial or someone else.
   */
  plan: boolean;
  reasons: string[];
}

export interface IntentAnalysis {
  /** Nothing is reported, and something is imagined, planned, wished or asked about in the conditional. */
  hypothetical: boolean;
  /** Nothing is reported, and something is said not to have happened. */
  negated: boolean;
  /** Nothing is reported, and someone other than the user did something. */
  thirdPerson: boolean;
  /** The message asks something. */
  question: boolean;
  /** Some clause reports a first-person action or asks for a write. */
  reportsAction: boolean;
  /**
   * Nothing is reported, but the user states their own plan or schedule, or asks for a change to
   * it, and no clause imagines, hedges, denies or tells of someone else (see ClauseAnalysis.plan).
   * Tools that set up schedules accept this as their write; tools that record events do not.
   */
  plan: boolean;
  /**
   * The message opens by calling off ("scratch that", "never mind") with nothing earlier in it to
   * call off: it takes back the user's previous message. Tools that remove an entry accept this.
   */
  retracts: boolean;
  reasons: string[];
  clauses: ClauseAnalysis[];
}

type Subject = "first" | "second" | "third" | "thing";

interface Action {
  verb: string;
  index: number;
  subject: Subject;
  /** The subject is named in this clause, not taken from the clause or verb before. */
  explicitSubject: boolean;
  tense: Tense;
  negativeVerb: boolean;
  negated: boolean;
  hypothetical: boolean;
  /** Imagined, wished, asked about or hedged, not only planned ("should", "what if", "thinking about"). */
  deliberate: boolean;
}

interface ClauseContext {
  /** The sentence ends with "?" and this is its last clause. */
  questionMark: boolean;
  /** The sentence has no verb at all ("Lunch: big salad"), so its parts are item lists. */
  verblessSentence: boolean;
  previous: ClauseAnalysis | undefined;
  /** The clause before this one in the same sentence. */
  previousInSentence: ClauseAnalysis | undefined;
  /** Subject of the last action of the previous clause in the same sentence, inherited by a clause without one. */
  inheritedSubject: Subject | undefined;
}

const MARKER_SEQUENCES = HYPOTHETICAL_MARKERS.map((marker) => marker.split(" "));
const MARKER_WORDS = new Set(MARKER_SEQUENCES.flat());
const FUTURE_SEQUENCES = FUTURE_TIME_WORDS.map((marker) => marker.split(" "));
const DECLINE_TEXTS = new Set(DECLINES);
const CANCEL_PHRASES = [
  "never mind",
  "scratch that",
  "forget it",
  "forget that",
  "ignore that",
  "ignore it",
  "ignore this",
];

/** Markers that, when a write verb follows, express the wish to log rather than a hypothetical. */
const LOGGING_INTENT_MARKERS = new Set([
  "would like",
  "would love",
  "would",
  "could",
  "will",
  "want to",
  "want",
  "need to",
  "have to",
  "going to",
  "about to",
  "plan to",
  "can i",
  "could i",
  "may i",
  "should",
  "hoping",
  "hope to",
]);

/** Nouns after "have" that make it something other than eating ("I have a question"). */
const NON_CONSUMPTION_OBJECTS = new Set([
  "question",
  "questions",
  "idea",
  "problem",
  "problems",
  "issue",
  "issues",
  "doubt",
  "doubts",
  "feeling",
  "time",
  "headache",
  "cold",
  "goal",
  "plan",
  "meeting",
  "appointment",
  "concern",
  "concerns",
  "minute",
]);

/** Consumption verbs whose object can be "no"/"nothing" ("had nothing", "ate no breakfast"). */
const CONSUMPTION_LEMMAS = new Set([
  "eat",
  "eats",
  "ate",
  "eaten",
  "eating",
  "have",
  "has",
  "had",
  "having",
  "drink",
  "drinks",
  "drank",
  "drunk",
  "drinking",
  "take",
  "takes",
  "took",
  "taken",
  "taking",
  "consume",
  "consumed",
  "get",
  "got",
]);

const NEGATION_WORDS = new Set(["not", "never"]);
/** What "took"/"had" can take that is a day without training ("took a rest day", "had the day off"). */
const REST_OBJECTS = ["rest day", "day off", "off day", "rest", "recovery day"];
/** Said without a verb, these mean no training that day ("rest day today"). */
const REST_FRAGMENTS = [/\brest day\b/, /\bday off\b/, /\boff day\b/, /\brecovery day\b/];
const RESTRAINT_VERBS = new Set(["stop", "stopped", "stopping", "kept", "keep", "prevented", "resisted", "refrained"]);
const TRYING_FORMS = new Set(["try", "tries", "tried", "trying", "get", "gets", "got", "getting"]);
const ZERO_OBJECTS = new Set(["no", "nothing", "none", "zero", "nada"]);
const GERUND_INTENT_LEADS = new Set([
  "thinking",
  "considering",
  "planning",
  "debating",
  "dreaming",
  "think",
  "consider",
  "plan",
]);
const MIGHT_WORDS = new Set(["might", "may", "must"]);
/** Modals that plan rather than imagine: "I'll take it three times a day from now on". */
const PLAN_MODALS = new Set(["will", "shall"]);
/** Words before "to" + verb that plan or schedule the action ("going to", "plan to", "need to"). */
const PLAN_INFINITIVE_TRIGGERS = new Set([
  "going",
  "plan",
  "plans",
  "planned",
  "planning",
  "about",
  "need",
  "needs",
  "have",
  "has",
  "supposed",
  "intend",
  "intends",
  "intending",
  "scheduled",
  "due",
  "set",
]);
/** "was going to", "was meant to", "were planning to": with "was"/"were", a plan that did not happen. */
const PAST_PLAN_TRIGGERS = new Set(["going", "meant", "supposed", "planning", "hoping", "intending"]);
/** Openers that only frame what follows ("not gonna lie, squats were tough", "to be honest"). */
const DISCOURSE_OPENERS = [
  "not going to lie",
  "i am not going to lie",
  "i will not lie",
  "ngl",
  "tbh",
  "to be honest",
  "to be fair",
  "i have to say",
  "i have to admit",
  "have to say",
  "have to admit",
  "i must say",
  "i must admit",
  "i will admit",
  "i will be honest",
].map((phrase) => phrase.split(" "));
/** "told me to take", "wants me to start": an instruction to the user, which they mean to follow. */
const INSTRUCTION_TRIGGERS = new Set(["told", "tells", "wants", "asked", "instructed", "prescribed"]);
/**
 * Hypothetical markers that state a plan or a schedule rather than imagine, wish or ask. Every
 * future time word is one too (FUTURE_TIME_WORDS).
 */
const PLAN_MARKERS = new Set([
  "going to",
  "about to",
  "plan to",
  "plan on",
  "planning",
  "plan",
  "intend",
  "intending",
  "will",
  "shall",
  "going for",
  "need to",
  "have to",
  "has to",
  "supposed to",
  ...FUTURE_TIMES,
]);
/** Words that hedge a plan into a maybe ("maybe I'll start zinc", "I'll probably stop"). */
/** Words a time phrase is made of ("from next Monday", "starting in two weeks"). */
const TIME_ONLY_WORDS = new Set([
  "today",
  "tonight",
  "tomorrow",
  "next",
  "this",
  "from",
  "on",
  "in",
  "as",
  "of",
  "the",
  "a",
  "an",
  "week",
  "weeks",
  "month",
  "months",
  "day",
  "days",
  "weekend",
  "soon",
  "later",
  "after",
  "now",
  "morning",
  "evening",
  "afternoon",
]);
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/** Future words that, without a verb, may name the same day's past ("tennis this afternoon"). */
const SAME_DAY_WORDS = new Set(["this afternoon", "this evening"]);
const DISTANCE_OR_TIME_WORDS = new Set([
  "k",
  "km",
  "kms",
  "mile",
  "miles",
  "mi",
  "m",
  "min",
  "mins",
  "minute",
  "minutes",
  "hour",
  "hours",
  "hr",
  "hrs",
]);

/** "10 mile bike ride": an activity named after its distance or time is a noun, not a verb. */
function isMeasuredActivity(words: string[], index: number): boolean {
  const previous = words[index - 1] ?? "";
  if (DISTANCE_OR_TIME_WORDS.has(previous) || /^\d+(?:[.,]\d+)?(?:k|km|mi|m|min)?$/.test(previous)) return true;
  return index > 0 && isVerbish(previous) && isMeasuredActivity(words, index - 1);
}
/** Words that put a clause in the present, whatever the clause before planned. */
const NOW_WORDS = new Set(["now", "just", "already", "yesterday", "earlier", "ago"]);
const POLITE_OPENERS = new Set(["please", "pls", "plz", "kindly"]);
/** Base-form verbs that make "did my ..." a question ("did my workout count", "did my run save"). */
const BASE_HELPER_VERBS = new Set(["count", "save", "show", "go", "get", "work", "sync", "register", "happen"]);
const HEDGES = new Set(["maybe", "perhaps", "probably", "possibly", "might", "may", "unless", "whether"]);
const PAST_INDICATORS = new Set(["was", "were", "did", "had", "ago", "yesterday"]);
const PLAIN_NEGATION_MODALS = new Set(["will", "shall", "can", "could", "must"]);

function matchesAt(words: string[], index: number, sequence: string[]): boolean {
  for (let offset = 0; offset < sequence.length; offset += 1) {
    if (words[index + offset] !== sequence[offset]) return false;
  }
  return true;
}

function isNameToken(tokens: Token[], position: number): boolean {
  const token = tokens[position] as Token;
  const next = tokens[position + 1];
  if (token.word === "i" || !/^\p{Lu}\p{Ll}+$/u.test(token.raw)) return false;
  // "a Big Mac", "the Whopper": a determiner makes it a thing, not a person.
  const previous = tokens[position - 1];
  if (DETERMINERS.has(previous?.word ?? "")) return false;
  if (previous !== undefined && /^\p{Lu}/u.test(previous.raw) && DETERMINERS.has(tokens[position - 2]?.word ?? ""))
    return false;
  if (isVerbish(token.word) || DETERMINERS.has(token.word) || FILLER_WORDS.has(token.word)) return false;
  if (position > 0) return true;
  // At the start of a sentence every word is capitalised, so only a verb right after makes it a
  // name, and only if it is not an ordinary sentence opener ("Finally ate", "Zero snacks").
  if (
    NOT_NAMES.has(token.word) ||
    VERB_GROUP_ADVERBS.has(token.word) ||
    NEGATION_WORDS.has(token.word) ||
    ZERO_OBJECTS.has(token.word) ||
    WH_WORDS.has(token.word) ||
    CONTRAST_WORDS.has(token.word) ||
    MARKER_WORDS.has(token.word) ||
    numberWordValue(token.word) !== null
  ) {
    return false;
  }
  // "Jake ate" names someone; "Leg press 4x10" and "Front squat 3x3" are exercises, so only a
  // past-tense verb makes the opening word a name.
  const tense = next === undefined ? undefined : ACTION_VERBS.get(next.word);
  return tense === "past" || tense === "past-or-participle";
}

/** Finds the subject of the verb at `verbIndex`, scanning back to the clause start or the previous verb. */
function findSubject(
  tokens: Token[],
  verbIndex: number,
  previousActions: Action[],
  inherited: Subject | undefined,
): { subject: Subject; groupStart: number; explicit: boolean } {
  for (let index = verbIndex - 1; index >= 0; index -= 1) {
    const token = tokens[index] as Token;
    const word = token.word;
    // "the guy next to me deadlifted": "me" after a preposition is not who acted.
    if (OBJECT_PRONOUNS.has(word) && PREPOSITIONS.has(tokens[index - 1]?.word ?? "")) continue;
    if (FIRST_PERSON.has(word)) return { subject: "first", groupStart: index + 1, explicit: true };
    if (SECOND_PERSON.has(word)) return { subject: "second", groupStart: index + 1, explicit: true };
    const noOne = word === "one" && tokens[index - 1]?.word === "no";
    // "her PR is a 100 kg deadlift": someone else's thing is what the clause is about.
    // "my mum's lasagna was amazing": the lasagna is the subject; mum only owns it.
    if (
      PERSON_NOUNS.has(word) &&
      token.possessive === true &&
      index + 1 < verbIndex &&
      !isVerbish(tokens[index + 1]?.word ?? "")
    )
      return { subject: "thing", groupStart: index + 1, explicit: true };
    const theirs =
      POSSESSIVE_DETERMINERS.has(word) &&
      !PREPOSITIONS.has(tokens[index - 1]?.word ?? "") &&
      !isVerbish(tokens[index - 1]?.word ?? "");
    if (
      noOne ||
      theirs ||
      THIRD_PERSON_PRONOUNS.has(word) ||
      (PERSON_NOUNS.has(word) &&
        (DETERMINERS.has(tokens[index - 1]?.word ?? "") ||
          SOME_DETERMINERS.has(tokens[index - 1]?.word ?? "") ||
          token.possessive === true ||
          bareSubjectNoun(tokens, index, verbIndex))) ||
      isNameToken(tokens, index)
    ) {
      // "me and my wife had": the user is part of the subject.
      const phraseStart = PERSON_NOUNS.has(word) && DETERMINERS.has(tokens[index - 1]?.word ?? "") ? index - 1 : index;
      if (tokens[phraseStart - 1]?.word === "and" && FIRST_PERSON.has(tokens[phraseStart - 2]?.word ?? "")) {
        return { subject: "first", groupStart: index + 1, explicit: true };
      }
      // "with my wife, had pizza": company or recipient, not the one who acted.
      const before = tokens[phraseStart - 1]?.word;
      if (before === "with" || before === "for" || before === "to") continue;
      return { subject: "third", groupStart: index + 1, explicit: true };
    }
    if (THING_SUBJECTS.has(word) && (isVerbish(tokens[index + 1]?.word ?? "") || index + 1 === verbIndex)) {
      return { subject: "thing", groupStart: index + 1, explicit: true };
    }
    const earlier = previousActions.find((action) => action.index === index);
    if (earlier !== undefined) return { subject: earlier.subject, groupStart: index + 1, explicit: false };
    // "made my kids pancakes and had two": after "and", the verb shares the subject of the verb
    // before it, whatever nouns (here "my kids") sit in between.
    if (COORDINATORS.has(word)) {
      for (let back = index - 1; back >= 0; back -= 1) {
        if (!isVerbish(tokens[back]?.word ?? "")) continue;
        const shared = findSubject(tokens, back, previousActions, inherited);
        return { subject: shared.subject, groupStart: index + 1, explicit: false };
      }
    }
  }
  return { subject: inherited ?? "first", groupStart: 0, explicit: false };
}

/** Past-tense verbs outside the action lexicon that take a named activity ("gave spin class a miss", "loved spin class"). */
const OTHER_PAST_VERBS = new Set([
  "gave",
  "loved",
  "liked",
  "hated",
  "enjoyed",
  "booked",
  "cancelled",
  "canceled",
  "bailed",
]);
/** Object pronouns: the user only when not after a preposition ("next to me", "with us"). */
const OBJECT_PRONOUNS = new Set(["me", "us", "myself"]);
const PREPOSITIONS = new Set([
  "to",
  "with",
  "beside",
  "behind",
  "near",
  "than",
  "like",
  "from",
  "of",
  "by",
  "around",
  "past",
  "at",
  "against",
  "besides",
  "without",
  "about",
  "for",
  "toward",
  "towards",
  "opposite",
]);
/** "some guy at the gym", "this lad": a person, though not one the user knows. */
const SOME_DETERMINERS = new Set(["some", "this", "that", "another", "one"]);
/** "his", "her", "their" before a noun: someone else's. */
const POSSESSIVE_DETERMINERS = new Set(["his", "her", "their"]);
const GREETINGS = new Set(["yo", "cheers", "hiya", "sup", "morning", "evening", "hey", "hi", "hello", "thanks"]);
/** Person nouns that are often said to the coach ("thanks mate, had eggs"), so need "my" or "the" to be a subject. */
const VOCATIVE_NOUNS = new Set([
  "coach",
  "buddy",
  "mate",
  "bro",
  "man",
  "guy",
  "girl",
  "lady",
  "team",
  "family",
  "baby",
]);

/**
 * "training partner squatted 200", "wife had the pasta": a person noun right before the verb is
 * its subject even with the article dropped.
 */
function bareSubjectNoun(tokens: Token[], index: number, verbIndex: number): boolean {
  const word = tokens[index]?.word ?? "";
  // "gym buddy hit a PR" names someone; "thanks mate, had eggs" talks to the coach.
  const modifier = tokens[index - 1]?.word ?? "";
  const described = /^\p{L}+$/u.test(modifier) && !FILLER_WORDS.has(modifier) && !GREETINGS.has(modifier);
  if (VOCATIVE_NOUNS.has(word) && !described) return false;
  let next = index + 1;
  while (next < verbIndex && VERB_GROUP_ADVERBS.has(tokens[next]?.word ?? "")) next += 1;
  return next === verbIndex;
}

/** A person noun at the start of a clause, alone or after a word describing them ("gym buddy"), not a greeting. */
function openingPerson(tokens: Token[], index: number): boolean {
  const word = tokens[index]?.word ?? "";
  // Only before a verb we do not know ("smashed", "is"): "kids meal" and "child portion" are food.
  const next = tokens[index + 1]?.word ?? "";
  if (!/^\p{L}{3,}ed$/u.test(next) && !AUXILIARIES.has(next)) return false;
  if (index === 0) return !VOCATIVE_NOUNS.has(word);
  const modifier = tokens[0]?.word ?? "";
  return /^\p{L}+$/u.test(modifier) && !FILLER_WORDS.has(modifier) && !GREETINGS.has(modifier) && !isVerbish(modifier);
}

/** Capitalised sentence openers that are not people. */
const NOT_NAMES = new Set([
  "today",
  "yesterday",
  "tonight",
  "earlier",
  "later",
  "lunch",
  "breakfast",
  "dinner",
  "supper",
  "snack",
  "morning",
  "evening",
  "afternoon",
  "last",
  "this",
  "no",
  "nothing",
  "zero",
  "none",
  "never",
  "then",
  "after",
  "before",
  "once",
  "also",
  "lol",
  "oh",
  "ok",
  "okay",
  "so",
  "well",
  "yeah",
  "yes",
  "sorry",
  "mostly",
  "barely",
  "basically",
  "quickly",
  "slowly",
  "somehow",
  "apparently",
  "unfortunately",
  "luckily",
  "fortunately",
  "tea",
  "coffee",
  "water",
]);

const COORDINATORS = new Set(["and", "then", "or", "but", ","]);

/** Is the token at `index` used as a verb here, and not as a noun or an auxiliary? */
function isActionUse(tokens: Token[], index: number): boolean {
  const word = tokens[index]?.word ?? "";
  const previous = tokens[index - 1]?.word ?? "";
  const next = tokens[index + 1]?.word ?? "";
  let following = index + 1;
  while (VERB_GROUP_ADVERBS.has(tokens[following]?.word ?? "")) following += 1;
  const nextMeaningful = tokens[following]?.word ?? "";

  // "a run", "my squats", "3 squats", "zero snacks", "my morning dose": nouns. ("We both ate" is not.)
  const tense = ACTION_VERBS.get(word) ?? NEGATIVE_VERBS.get(word);
  const nounLike = tense === "base" || tense === "third";
  if (DETERMINERS.has(previous)) return false;
  if (nounLike && (ZERO_OBJECTS.has(previous) || /^\d/.test(previous) || numberWordValue(previous) !== null))
    return false;
  const beforePrevious = tokens[index - 2]?.word ?? "";
  if (
    nounLike &&
    DETERMINERS.has(beforePrevious) &&
    !isVerbish(previous) &&
    !PERSON_NOUNS.has(previous) &&
    !FIRST_PERSON.has(previous) &&
    !THIRD_PERSON_PRONOUNS.has(previous)
  ) {
    return false;
  }
  // "training partner", "running buddy": a verb form that describes the person after it.
  if ((tense === "ing" || tense === "base") && PERSON_NOUNS.has(next)) return false;
  // "gave spin class a miss", "skipped leg press": a verb's base form right after a past-tense
  // verb is the name of what was done or not, not a second verb.
  const previousTense = ACTION_VERBS.get(previous) ?? NEGATIVE_VERBS.get(previous);
  const pastBefore =
    previousTense === "past" || previousTense === "past-or-participle" || OTHER_PAST_VERBS.has(previous);
  if (tense === "base" && pastBefore && !AUXILIARIES.has(previous)) return false;
  // "skipped leg press", "missed bench press": after a verb of not doing, a base form is part of
  // what was not done.
  if (tense === "base" || tense === "third") {
    for (let back = index - 1; back >= 0; back -= 1) {
      const earlier = tokens[back]?.word ?? "";
      if (
        COORDINATORS.has(earlier) ||
        earlier === "to" ||
        FIRST_PERSON.has(earlier) ||
        THIRD_PERSON_PRONOUNS.has(earlier)
      )
        break;
      if (NEGATIVE_VERBS.has(earlier)) return false;
    }
  }
  // "the day off training": what was not done, named as a noun.
  if (tense === "ing" && previous === "off") return false;
  // "starting Monday", "beginning next week": a date, like "from Monday", not something done.
  if ((word === "starting" || word === "beginning") && (TIME_ONLY_WORDS.has(next) || WEEKDAYS.has(next))) return false;
  // Auxiliary uses: "have eaten", "did not", "did I", "had to", "do you".
  if (AUXILIARIES.has(word)) {
    if (NEGATION_WORDS.has(nextMeaningful)) return false;
    if (
      FIRST_PERSON.has(nextMeaningful) ||
      SECOND_PERSON.has(nextMeaningful) ||
      THIRD_PERSON_PRONOUNS.has(nextMeaningful)
    )
      return false;
    const nextTense = ACTION_VERBS.get(nextMeaningful) ?? NEGATIVE_VERBS.get(nextMeaningful);
    if (
      nextTense !== undefined ||
      LOG_VERBS.has(nextMeaningful) ||
      nextMeaningful === "been" ||
      nextMeaningful === "logged"
    ) {
      return false;
    }
  }
  if (
    (word === "have" || word === "has" || word === "had" || word === "having") &&
    NON_CONSUMPTION_OBJECTS.has(nextWordAfterArticle(tokens, index))
  ) {
    return false;
  }
  // "stopped myself from having": the stopping is not the report; the having did not happen.
  if (RESTRAINT_VERBS.has(word) && (next === "from" || tokens[index + 2]?.word === "from")) return false;
  // "worked out" trains; "worked late" does not.
  if ((word === "work" || word === "works" || word === "worked" || word === "working") && next !== "out") return false;
  // "try to eat", "started to run": the first verb only introduces the second.
  if (next === "to" && (isVerbish(tokens[index + 2]?.word ?? "") || TRYING_FORMS.has(word))) return false;
  return true;
}

/** Does `phrase` start at `start`, after an optional article ("the day off", "a rest day")? */
function followsArticle(words: string[], start: number, phrase: string): boolean {
  const sequence = phrase.split(" ");
  const at = ["a", "an", "the", "my"].includes(words[start] ?? "") ? start + 1 : start;
  return matchesAt(words, at, sequence);
}

/** The tense of a phrasal verb that means it did not happen ("ducked out", "gave the gym a miss") at `index`. */
function negativePhraseTense(words: string[], index: number): Tense | undefined {
  const word = words[index] ?? "";
  for (const phrase of NEGATIVE_PHRASES) {
    const tense = phrase.forms.get(word);
    if (tense === undefined) continue;
    if (phrase.particle.length === 0) return tense;
    for (let gap = 0; gap <= phrase.gap; gap += 1) {
      const start = index + 1 + gap;
      if (COORDINATORS.has(words[start - 1] ?? "") && gap > 0) break;
      if (matchesAt(words, start, phrase.particle as string[])) return tense;
    }
  }
  return undefined;
}

function nextWordAfterArticle(tokens: Token[], index: number): string {
  let position = index + 1;
  while (["a", "an", "some", "no", "any", "quick", "small", "big", "few", "the"].includes(tokens[position]?.word ?? ""))
    position += 1;
  return tokens[position]?.word ?? "";
}

interface MarkerHit {
  marker: string;
  index: number;
  future: boolean;
}

function findMarkers(words: string[]): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (let index = 0; index < words.length; index += 1) {
    for (const sequence of MARKER_SEQUENCES) {
      if (!matchesAt(words, index, sequence)) continue;
      const marker = sequence.join(" ");
      const after = index + sequence.length;
      // "I would like to log", "can I add", "want to record": wanting a write is a request.
      // "You should log it" asks for a write too, but "should I log it?" asks for advice.
      const wantsToLog =
        marker === "should"
          ? words[after] !== "i" && words[after] !== "we" && leadsToLogVerb(words, after)
          : LOGGING_INTENT_MARKERS.has(marker) && leadsToLogVerb(words, after);
      if (wantsToLog) continue;
      // "can I switch vitamin D to evenings from now on": asks for a schedule change, not permission.
      if (index === 0 && PERMISSION_MARKERS.has(marker) && asksForScheduleChange(words)) continue;
      // "would you", "could you", "will you": polite requests, not conditionals.
      if ((marker === "would" || marker === "could" || marker === "will") && words[after] === "you") continue;
      // "could not", "will not": a plain no, which the negation check reports.
      if ((marker === "could" || marker === "will" || marker === "shall") && words[after] === "not") continue;
      // "I might have had": an uncertain past, not a plan.
      if (marker === "might" && words[after] === "have") continue;
      // "I was going to run": a past plan, which the infinitive check reads as not done.
      const previousWord = words[index - 1] ?? "";
      const infinitive = sequence.at(-1) === "to" || words[after] === "to";
      if (
        (previousWord === "was" || previousWord === "were") &&
        PAST_PLAN_TRIGGERS.has(sequence[0] ?? "") &&
        infinitive
      )
        continue;
      // "my doctor wants me to start iron": an instruction to the user, which the infinitive check reads.
      if ((marker === "want" || marker === "wants") && (words[after] === "me" || words[after] === "us")) continue;
      hits.push({ marker, index, future: false });
    }
    if (words[index] === "if") {
      const lead = words[index - 1] ?? "";
      const whether = WHETHER_IF_LEADS.includes(lead) || (lead === "not" && words[index - 2] === "sure");
      // "if not, log it" and "if so" are conditions on a request, not imagined actions.
      const conditionOnRequest = words[index + 1] === "not" || words[index + 1] === "so";
      if (!whether && !conditionOnRequest) hits.push({ marker: "if", index, future: false });
    }
    for (const sequence of FUTURE_SEQUENCES) {
      if (matchesAt(words, index, sequence)) hits.push({ marker: sequence.join(" "), index, future: true });
    }
  }
  return hits;
}

function leadsToLogVerb(words: string[], start: number): boolean {
  let index = start;
  for (let steps = 0; steps < 4 && index < words.length; steps += 1) {
    const word = words[index] ?? "";
    if (LOG_VERBS.has(word)) return true;
    if (
      word === "to" ||
      word === "i" ||
      word === "you" ||
      word === "me" ||
      word === "please" ||
      word === "like" ||
      word === "love" ||
      VERB_GROUP_ADVERBS.has(word)
    ) {
      index += 1;
      continue;
    }
    return false;
  }
  return false;
}

interface LogRequest {
  index: number;
  negated: boolean;
  hypothetical: boolean;
  thirdPerson: boolean;
  reason: string;
}

/** Words that must follow some write verbs for them to mean a write ("put it down", "count that"). */
const LOG_VERB_OBJECTS: Record<string, Set<string>> = {
  put: new Set(["down", "in", "it", "that", "this", "these", "those"]),
  count: new Set(["it", "that", "this", "these", "those"]),
  note: new Set(["down", "that", "it", "this"]),
  set: new Set(["my", "a", "the", "it", "that", "this"]),
  save: new Set(["it", "that", "this", "my", "these", "those", "the"]),
  enter: new Set(["it", "that", "this", "my", "these", "those", "the"]),
  fix: new Set(["it", "that", "this", "my", "the"]),
  change: new Set(["it", "that", "this", "my", "the"]),
};

function findLogRequest(
  tokens: Token[],
  words: string[],
  markers: MarkerHit[],
  whQuestion: boolean,
): LogRequest | null {
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? "";
    if (!LOG_VERBS.has(word)) continue;
    const previous = words[index - 1] ?? "";
    if (DETERMINERS.has(previous) || /^\d/.test(previous) || previous === "this" || previous === "that") continue;
    const required = LOG_VERB_OBJECTS[word];
    if (required !== undefined && !required.has(words[index + 1] ?? "")) continue;
    if (whQuestion) continue;

    // The words between the subject (or clause start) and the verb.
    let groupStart = 0;
    let subject: Subject | undefined;
    for (let back = index - 1; back >= 0; back -= 1) {
      const candidate = words[back] ?? "";
      if (FIRST_PERSON.has(candidate)) {
        subject = "first";
        groupStart = back + 1;
        break;
      }
      if (SECOND_PERSON.has(candidate)) {
        subject = "second";
        groupStart = back + 1;
        break;
      }
      if (
        THIRD_PERSON_PRONOUNS.has(candidate) ||
        (PERSON_NOUNS.has(candidate) && DETERMINERS.has(words[back - 1] ?? ""))
      ) {
        subject = "third";
        groupStart = back + 1;
        break;
      }
    }
    const group = words.slice(groupStart, index);
    // "I add milk to my coffee", "I track macros": a habit, not a request.
    if (subject === "first" && group.length === 0 && !word.endsWith("ing")) continue;
    if (subject === "third") continue;

    const thirdPerson = mentionsSomeoneElsesEntry(tokens, index);
    const hypotheticalMarker = markers.find((marker) => marker.index < index && !marker.future);
    const hasNegation = group.some((item) => NEGATION_WORDS.has(item));
    // "did not log" / "have not logged" / "forgot to log" say the write is still missing: a request.
    const reportsMissingLog = group.some(
      (item) => item === "did" || item === "have" || item === "has" || item === "forgot",
    );
    const noNeed = words[index - 2] === "need" && words[index - 3] === "no";
    if ((hasNegation && !reportsMissingLog) || noNeed || group.includes("stop")) {
      return {
        index,
        negated: true,
        hypothetical: false,
        thirdPerson,
        reason: `asks not to write ("${words.slice(Math.max(0, index - 3), index + 1).join(" ")}")`,
      };
    }
    if (hypotheticalMarker !== undefined) {
      return {
        index,
        negated: false,
        hypothetical: true,
        thirdPerson,
        reason: `write verb "${word}" under "${hypotheticalMarker.marker}"`,
      };
    }
    return { index, negated: false, hypothetical: false, thirdPerson, reason: `asks to write ("${word}")` };
  }
  return null;
}

/** "log my son's lunch", "add this for my wife": an entry that belongs to someone else. */
function mentionsSomeoneElsesEntry(tokens: Token[], from: number): boolean {
  for (let index = from + 1; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (PERSON_NOUNS.has(token.word) && token.possessive === true) return true;
    if (
      PERSON_NOUNS.has(token.word) &&
      tokens[index - 2]?.word === "for" &&
      DETERMINERS.has(tokens[index - 1]?.word ?? "")
    )
      return true;
    if ((token.word === "him" || token.word === "her" || token.word === "them") && tokens[index - 1]?.word === "for")
      return true;
  }
  return false;
}

function analyseAction(
  tokens: Token[],
  words: string[],
  index: number,
  tense: Tense,
  negativeVerb: boolean,
  markers: MarkerHit[],
  previousActions: Action[],
  inherited: Subject | undefined,
  reasons: string[],
): Action {
  const verb = words[index] ?? "";
  const { subject, groupStart, explicit } = findSubject(tokens, index, previousActions, inherited);
  const group = words.slice(Math.max(groupStart, index - 8), index);

  let negated = group.some((word) => NEGATION_WORDS.has(word));
  let hypothetical = false;
  // Set for every reason that makes the action imagined rather than planned, even when an
  // earlier reason already made it hypothetical ("what if I'm going to ...").
  let deliberate = false;
  let negative = negativeVerb;

  const modalIndex = group.findIndex((word) => MODALS.has(word));
  if (modalIndex >= 0) {
    const modal = group[modalIndex] ?? "";
    const perfect = group[modalIndex + 1] === "have" || group[modalIndex + 2] === "have";
    const pastTense = tense === "participle" || tense === "past-or-participle" || tense === "past";
    if (negated && PLAIN_NEGATION_MODALS.has(modal)) {
      // "I won't have dessert", "couldn't eat": a plain no, not an imagined yes.
      reasons.push(`"${modal} not ${verb}"`);
    } else if (!(MIGHT_WORDS.has(modal) && perfect && pastTense)) {
      // "might have had" is an uncertain past; "would have eaten" and "should have taken" never happened.
      hypothetical = true;
      if (!PLAN_MODALS.has(modal) || perfect) deliberate = true;
      reasons.push(`"${modal}" before "${verb}"`);
    }
  }
  // "almost had a donut" did not have it.
  if (group.includes("almost") || group.includes("nearly")) {
    if (!verb.startsWith("finish")) {
      negative = !negative;
      reasons.push(`"almost ${verb}"`);
    }
  }

  // "forgot to take", "remembered to take", "want to eat": the word before "to" decides.
  let toIndex = index - 1;
  while (VERB_GROUP_ADVERBS.has(words[toIndex] ?? "")) toIndex -= 1;
  if (words[toIndex] === "to") {
    let triggerIndex = toIndex - 1;
    while (
      ["me", "myself", "us", "you", "him", "her", "them"].includes(words[triggerIndex] ?? "") ||
      VERB_GROUP_ADVERBS.has(words[triggerIndex] ?? "")
    ) {
      triggerIndex -= 1;
    }
    const trigger = words[triggerIndex] ?? "";
    const noTrigger = words[triggerIndex - 1] === "no";
    // "I was going to run but it rained", "was meant to take it": a plan in the past that did not happen.
    // "I meant to" is past too, but "am I meant to take" asks about the present.
    const presentBe = ["am", "is", "are", "be"].some(
      (word) => words[triggerIndex - 1] === word || words[triggerIndex - 2] === word,
    );
    const pastPlan =
      PAST_PLAN_TRIGGERS.has(trigger) &&
      (words[triggerIndex - 1] === "was" || words[triggerIndex - 1] === "were" || (trigger === "meant" && !presentBe));
    // "my doctor told me to take", "wants me to start": someone's instruction to the user.
    const instructed = INSTRUCTION_TRIGGERS.has(trigger) && words[triggerIndex + 1] === "me";
    if (pastPlan && !negated) {
      negative = !negative;
      reasons.push(`"${words[triggerIndex - 1]} ${trigger} to ${verb}"`);
    } else if (NEGATIVE_INFINITIVE_TRIGGERS.has(trigger) || (ABILITY_INFINITIVE_TRIGGERS.has(trigger) && noTrigger)) {
      negative = !negative;
      reasons.push(`"${noTrigger ? "no " : ""}${trigger} to ${verb}"`);
    } else if (REAL_INFINITIVE_TRIGGERS.has(trigger) || ABILITY_INFINITIVE_TRIGGERS.has(trigger)) {
      // "remembered to take", "had time to eat" happened; "didn't get to eat" is caught by the "not".
    } else if (trigger !== "" && !negated) {
      hypothetical = true;
      if (!PLAN_INFINITIVE_TRIGGERS.has(trigger) && !instructed) deliberate = true;
      reasons.push(`"${trigger} to ${verb}"`);
    } else if (trigger !== "") {
      // "I don't want to eat", "didn't plan to run": negated intent, reported as a denial.
      reasons.push(`"not ${trigger} to ${verb}"`);
    }
  }

  // "thinking about having", "skipped eating", "went without eating".
  if (tense === "ing") {
    const lead = words[index - 1] ?? "";
    const before = words[index - 2] ?? "";
    if (
      ((lead === "about" || lead === "of" || lead === "on") && GERUND_INTENT_LEADS.has(before)) ||
      (lead === "like" && before === "feel")
    ) {
      hypothetical = true;
      if (!PLAN_MARKERS.has(before)) deliberate = true;
      reasons.push(`"${before} ${lead} ${verb}"`);
    } else if (
      NEGATIVE_VERBS.has(lead) ||
      lead === "without" ||
      (lead === "from" && words.slice(0, index).some((word) => RESTRAINT_VERBS.has(word)))
    ) {
      negative = !negative;
      reasons.push(`"${lead} ${verb}"`);
    }
  }

  for (const marker of markers) {
    if (marker.future) {
      const pastForm = tense === "past" || tense === "past-or-participle" || tense === "participle";
      const pastAuxiliary = group.some((word) => word === "did" || word === "was" || word === "were" || word === "had");
      if (!pastForm && !pastAuxiliary && !hypothetical) {
        hypothetical = true;
        reasons.push(`"${verb}" with "${marker.marker}"`);
      }
    } else if (marker.index < index) {
      if (!PLAN_MARKERS.has(marker.marker)) deliberate = true;
      if (!hypothetical) {
        hypothetical = true;
        reasons.push(`"${marker.marker}" before "${verb}"`);
      }
    }
  }

  // "took a rest day", "having the day off": a day without training, not something taken.
  if (CONSUMPTION_LEMMAS.has(verb) && REST_OBJECTS.some((object) => followsArticle(words, index + 1, object))) {
    negative = !negative;
    reasons.push(`"${verb}" a day off`);
  }

  // "had nothing", "ate no breakfast" — but "had nothing but water" did have the water.
  if (CONSUMPTION_LEMMAS.has(verb) && ZERO_OBJECTS.has(words[index + 1] ?? "")) {
    const rest = words.slice(index + 2);
    const exception =
      rest.some((word) => EXCEPTION_WORDS.has(word)) ||
      rest.some((word) => word === "in" || word === "with" || word === "on");
    if (!exception) {
      negative = !negative;
      reasons.push(`"${verb} ${words[index + 1]}"`);
    }
  }

  // "I don't take creatine anymore", "no longer": a change to the regimen, which is a real event.
  if ((negated || negative) && (words.includes("anymore") || (words.includes("longer") && words.includes("no")))) {
    reasons.push("stopping a regimen is a change worth recording");
    negated = false;
    negative = false;
  }

  if (negated && negative) {
    // "didn't skip breakfast" happened.
    negated = false;
    negative = false;
  }
  return {
    verb,
    index,
    subject,
    explicitSubject: explicit,
    tense,
    negativeVerb: negative,
    negated,
    hypothetical,
    deliberate: hypothetical && deliberate,
  };
}

function analyseClause(
  allTokens: Token[],
  context: ClauseContext,
): { clause: ClauseAnalysis; lastSubject: Subject | undefined } {
  const allWords = allTokens.map((token) => token.word);
  const opener = DISCOURSE_OPENERS.find((sequence) => matchesAt(allWords, 0, sequence));
  const tokens = opener === undefined ? allTokens : allTokens.slice(opener.length);
  const words = tokens.map((token) => token.word);
  const text = words.join(" ");
  const reasons: string[] = [];
  const result: ClauseAnalysis = {
    text,
    reportsAction: false,
    logRequest: false,
    hypothetical: false,
    negated: false,
    thirdPerson: false,
    question: false,
    cancels: false,
    plan: false,
    reasons,
  };

  // Declines and call-offs: "no", "nope", "never mind", "scratch that".
  const cancelPhrase = CANCEL_PHRASES.find(
    (phrase) => text === phrase || text.startsWith(`${phrase} `) || text.endsWith(` ${phrase}`),
  );
  if (DECLINE_TEXTS.has(text) || cancelPhrase !== undefined) {
    result.negated = true;
    result.cancels = cancelPhrase !== undefined || text === "actually no";
    reasons.push(`declines ("${text}")`);
    return { clause: result, lastSubject: undefined };
  }
  if (words.every((word) => FILLER_WORDS.has(word))) return { clause: result, lastSubject: undefined };

  const first = words[0] ?? "";
  const second = words[1] ?? "";
  const whQuestion = WH_WORDS.has(first) && !FIRST_PERSON.has(second) && second !== "if";
  const pronounSecond =
    FIRST_PERSON.has(second) ||
    SECOND_PERSON.has(second) ||
    THIRD_PERSON_PRONOUNS.has(second) ||
    THING_SUBJECTS.has(second);
  // "Had a coffee" reports; "have you", "did my wife", "is the" ask.
  const possessiveHave = first === "have" || first === "has" || first === "had";
  // "Did a 20 min HIIT session" drops its "I": "did" before an article or a number reports.
  const reportedDid =
    first === "did" &&
    (second === "a" ||
      second === "an" ||
      second === "some" ||
      /^\d/.test(second) ||
      numberWordValue(second) !== null ||
      // "did my physio exercises" reports; "did my wife eat?" and "did my run get saved" ask.
      ((second === "my" || second === "the") && !context.questionMark && !hasLaterBaseVerb(tokens, 2)));
  const auxQuestion =
    !reportedDid &&
    (MODALS.has(first) || AUXILIARIES.has(first)) &&
    (pronounSecond || (!possessiveHave && DETERMINERS.has(second)));
  result.question = context.questionMark || whQuestion || auxQuestion;
  if (result.question)
    reasons.push(context.questionMark ? "ends with a question mark" : `opens like a question ("${first} ${second}")`);

  const markers = findMarkers(words);
  // "Dinner tonight was salmon": a future word in a clause told in the past plans nothing.
  const toldInPast = words.some((word) => PAST_INDICATORS.has(word));
  // "No alcohol this weekend": a clause that opens with "no" says none, whatever time it names.
  const opensWithNone = ZERO_OBJECTS.has(words[0] ?? "") || words[0] === "not";
  const clauseMarkers = markers.filter(
    (marker) =>
      !(marker.future && (toldInPast || opensWithNone)) &&
      // "tennis this afternoon": said in the evening, the same day's afternoon is past.
      !(
        marker.future &&
        SAME_DAY_WORDS.has(marker.marker) &&
        !words.some((word, index) => isVerbish(word) && !isMeasuredActivity(words, index))
      ),
  );
  const logRequest = findLogRequest(tokens, words, markers, whQuestion);

  const actions: Action[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? "";
    if (logRequest !== null && index === logRequest.index) continue;
    // "made it to the gym" went there.
    const madeIt = (word === "made" || word === "make") && words[index + 1] === "it" && words[index + 2] === "to";
    const actionTense = madeIt ? (word === "made" ? "past" : "base") : ACTION_VERBS.get(word);
    const negativeTense = NEGATIVE_VERBS.get(word) ?? negativePhraseTense(words, index);
    const tense = actionTense ?? negativeTense;
    if (tense === undefined || (!madeIt && !isActionUse(tokens, index))) continue;
    if (isMeasuredActivity(words, index)) continue;
    // "squats 5x5, lunges 3x12": a verb's "-s" form with the user as subject can only be a plural noun.
    if (tense === "third" && findSubject(tokens, index, actions, context.inheritedSubject).subject === "first")
      continue;
    // "ran out of creatine" is not having it.
    const ranOut = (word === "ran" || word === "run" || word === "running") && words[index + 1] === "out";
    const action = analyseAction(
      tokens,
      words,
      index,
      tense,
      negativeTense !== undefined || ranOut,
      markers,
      actions,
      context.inheritedSubject,
      reasons,
    );
    actions.push(action);
  }
  // "going to hit chest later, bench and flyes": a present-tense verb without its own subject
  // goes on with the plan or the imagining of the clause before it.
  const before = context.previousInSentence;
  if (
    before !== undefined &&
    before.hypothetical &&
    !before.reportsAction &&
    !words.some((word) => NOW_WORDS.has(word))
  ) {
    for (const action of actions) {
      const present = action.tense === "base" || action.tense === "third" || action.tense === "ing";
      if (action.explicitSubject || action.hypothetical || !present) continue;
      action.hypothetical = true;
      action.deliberate = !before.plan;
      reasons.push(`"${action.verb}" goes on with "${before.text}"`);
    }
  }

  // A later clause without a subject ("..., and ate 4") inherits this clause's subject, which a
  // verb we do not count as a report can also carry ("my coworker brought donuts").
  let lastSubject = actions[actions.length - 1]?.subject;
  if (lastSubject === undefined) {
    const verbIndex = words.findIndex((word) => isVerbish(word));
    if (verbIndex > 0) {
      const found = findSubject(tokens, verbIndex, [], undefined);
      // A thing ("the lasagna was amazing") passes no one on to the next clause.
      if (found.explicit && found.subject !== "thing") lastSubject = found.subject;
    }
  }

  const firstPerson = actions.filter((action) => action.subject === "first");
  const real = firstPerson.filter((action) => !action.hypothetical && !action.negated && !action.negativeVerb);
  const others = actions.filter((action) => action.subject === "third");

  if (others.length > 0) {
    result.thirdPerson = true;
    reasons.push(`someone else is the subject of "${others.map((action) => action.verb).join('", "')}"`);
  }
  if (firstPerson.some((action) => !action.hypothetical && (action.negated || action.negativeVerb))) {
    result.negated = true;
    const verbs = firstPerson.filter((action) => action.negated || action.negativeVerb).map((action) => action.verb);
    reasons.push(`denies "${verbs.join('", "')}"`);
  }
  if (others.some((action) => action.negated || action.negativeVerb)) result.negated = true;
  if (
    actions.some((action) => action.hypothetical) ||
    (actions.length === 0 && clauseMarkers.length > 0 && logRequest === null)
  ) {
    result.hypothetical = true;
    if (actions.length === 0)
      reasons.push(`"${clauseMarkers.map((marker) => marker.marker).join('", "')}" with nothing reported`);
  }

  if (logRequest !== null) {
    reasons.push(logRequest.reason);
    if (logRequest.thirdPerson) {
      result.thirdPerson = true;
      reasons.push("the entry belongs to someone else");
    } else if (logRequest.negated) result.negated = true;
    else if (logRequest.hypothetical) result.hypothetical = true;
    else result.logRequest = true;
  }

  if (actions.length === 0 && logRequest === null && clauseMarkers.length === 0) {
    analyseFragment(tokens, result, context);
    if (isPoliteRequest(words) && !result.negated && !result.thirdPerson) result.plan = true;
    return { clause: result, lastSubject };
  }

  const deliberates =
    actions.some(
      (action) =>
        action.hypothetical &&
        (action.deliberate || action.negated || action.negativeVerb || action.subject !== "first"),
    ) ||
    markers.some((marker) => !marker.future && !PLAN_MARKERS.has(marker.marker)) ||
    words.some((word) => HEDGES.has(word)) ||
    /\b(?:not sure|unsure|no idea|undecided|not decided)\b/.test(text);
  result.plan =
    (result.hypothetical || isPoliteRequest(words)) &&
    !deliberates &&
    !result.negated &&
    !result.thirdPerson &&
    (!result.question || isPoliteRequest(words));

  // Questions report nothing ("did I take my creatine?"), unless they ask for a write.
  result.reportsAction = result.logRequest || (real.length > 0 && !result.question);
  if (real.length > 0 && !result.question) reasons.push(`reports "${real.map((action) => action.verb).join('", "')}"`);
  return { clause: result, lastSubject };
}

const PERMISSION_MARKERS = new Set(["can i", "could i", "may i"]);
/** Verbs that change a schedule: after "can I" with a time frame, they ask for the change. */
const SCHEDULE_CHANGE_VERBS = new Set([
  "switch",
  "move",
  "shift",
  "change",
  "swap",
  "bump",
  "increase",
  "decrease",
  "reduce",
  "lower",
  "raise",
  "drop",
  "pause",
  "resume",
  "restart",
  "stop",
  "start",
]);
/** The time frame that makes "can I switch ..." a decision: "from now on", "starting Monday". */
const COMMITMENT =
  /\b(?:from now on|going forward|from (?:today|tomorrow|next \w+|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|onwards|starting (?:today|tomorrow|now|next \w+|on \w+|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/;

/** "can I switch vitamin D to evenings from now on": a change to the user's own schedule, asked for. */
function asksForScheduleChange(words: string[]): boolean {
  if (!PERMISSION_MARKERS.has(`${words[0] ?? ""} ${words[1] ?? ""}`)) return false;
  let verb = 2;
  while (["please", "just", "now", "also"].includes(words[verb] ?? "")) verb += 1;
  return SCHEDULE_CHANGE_VERBS.has(words[verb] ?? "") && COMMITMENT.test(words.join(" "));
}

/** Clauses the fragment analysis read as a list of items ("2 eggs and toast"). */
const ITEM_LISTS = new WeakSet<ClauseAnalysis>();

/** "starting tonight", "from next Monday": a plan that names only when, so a list before it is its object. */
function isTimeOnlyPlan(clause: ClauseAnalysis): boolean {
  if (!clause.hypothetical || clause.reportsAction) return false;
  const words = clause.text.split(" ");
  const opener = words[0] ?? "";
  const rest = ["starting", "beginning", "from", "until", "till", "as"].includes(opener) ? words.slice(1) : words;
  return rest.length > 0 && rest.every((word) => TIME_ONLY_WORDS.has(word) || WEEKDAYS.has(word) || /^\d/.test(word));
}

/** "can you pause my fish oil", "please move zinc to the evening": asks the coach to do something. */
function isPoliteRequest(words: string[]): boolean {
  const first = words[0] ?? "";
  if (POLITE_OPENERS.has(first)) return true;
  if (asksForScheduleChange(words)) return true;
  return ["can", "could", "would", "will"].includes(first) && SECOND_PERSON.has(words[1] ?? "");
}

/** Is there a base-form verb from `from` on, not used as a noun ("did my wife eat", "did my run get saved")? */
function hasLaterBaseVerb(tokens: Token[], from: number): boolean {
  for (let index = from; index < tokens.length; index += 1) {
    const word = tokens[index]?.word ?? "";
    const tense = ACTION_VERBS.get(word) ?? NEGATIVE_VERBS.get(word);
    if ((tense === "base" || LOG_VERBS.has(word) || BASE_HELPER_VERBS.has(word)) && isActionUse(tokens, index))
      return true;
  }
  return false;
}

/** A clause with no verb we know: "2 eggs and toast", "no breakfast today", "just coffee". */
function analyseFragment(tokens: Token[], result: ClauseAnalysis, context: ClauseContext): void {
  const words = tokens.map((token) => token.word);
  const first = words[0] ?? "";
  const text = words.join(" ");
  if (result.question) return;
  // "took my creatine but not the fish oil": the "but" only joins the denial to the report.
  const denial = ["but", "and", "though", "yet", "or"].includes(first) ? words.slice(1) : words;
  const opening = denial[0] ?? "";
  if (
    opening === "no" ||
    opening === "nothing" ||
    opening === "zero" ||
    opening === "none" ||
    opening === "not" ||
    opening === "never"
  ) {
    const exception = denial.slice(1).some((word) => EXCEPTION_WORDS.has(word));
    const denialText = denial.join(" ");
    if (
      !exception &&
      !["no problem", "no worries", "no way", "not bad", "no biggie"].some((phrase) => denialText.startsWith(phrase))
    ) {
      result.negated = true;
      result.reasons.push(`says none ("${text}")`);
      return;
    }
  }
  if (REST_FRAGMENTS.some((pattern) => pattern.test(text))) {
    result.negated = true;
    result.reasons.push(`a day without training ("${text}")`);
    return;
  }
  // "I have a question", "it was great", "I made lasagna": a sentence whose verb we do not know
  // is not a list of items.
  const hasSubjectOrVerb = words.some(
    (word, index) =>
      FIRST_PERSON.has(word) ||
      SECOND_PERSON.has(word) ||
      THIRD_PERSON_PRONOUNS.has(word) ||
      OTHER_VERBS.has(word) ||
      // "it was great", "but it rained": a thing as subject, with a verb we may not know.
      (THING_SUBJECTS.has(word) && (isVerbish(words[index + 1] ?? "") || /.ed$/.test(words[index + 1] ?? ""))),
  );
  if (hasSubjectOrVerb) return;
  const hasAmount = findNumbers(text).length > 0;
  const contrastAfterDenial = CONTRAST_WORDS.has(first) && context.previous?.negated === true;
  const personIndex = words.findIndex(
    (word, index) =>
      (PERSON_NOUNS.has(word) && DETERMINERS.has(words[index - 1] ?? "") && word !== "coach") ||
      // "gym buddy smashed 220", "wife 2 eggs": a person opening the clause, the article dropped.
      (PERSON_NOUNS.has(word) && index <= 1 && openingPerson(tokens, index)) ||
      // "his best squat is 200", "her PR": someone else's, unless after a preposition ("with her sauce").
      (POSSESSIVE_DETERMINERS.has(word) && !PREPOSITIONS.has(words[index - 1] ?? "")),
  );
  if (personIndex >= 0) {
    result.reasons.push(`names someone else ("${text}")`);
    // "my mum is on 1000 IU of vitamin D": the person is the subject. In "my wife's recipe" or
    // "pasta for my son" they only own or receive the thing, which says nothing about the user.
    const owner = tokens[personIndex]?.possessive === true;
    const recipient = PREPOSITIONS.has(words[personIndex - 2] ?? "");
    // "my wife's lunch was a salad": her thing is what the sentence is about.
    const ownersThingIsSubject =
      owner && personIndex <= 2 && words.slice(personIndex + 1, personIndex + 4).some((word) => AUXILIARIES.has(word));
    if ((!owner && !recipient) || ownersThingIsSubject) result.thirdPerson = true;
    return;
  }
  // "going to do legs tomorrow, squats 5x5 and lunges": a list right after a plan or someone
  // else's doing spells that out; it reports nothing of the user's own.
  const before = context.previousInSentence;
  if (before !== undefined && !before.reportsAction && (before.hypothetical || before.thirdPerson)) {
    result.hypothetical = before.hypothetical;
    result.thirdPerson = before.thirdPerson;
    result.plan = before.plan;
    result.reasons.push(`spells out the clause before ("${before.text}")`);
    return;
  }
  if (hasAmount || contrastAfterDenial || context.verblessSentence) {
    result.reportsAction = true;
    ITEM_LISTS.add(result);
    result.reasons.push(`lists items ("${text}")`);
  }
}

/**
 * Reads a user message and says whether it is hypothetical, negated, about someone else, or a
 * question, clause by clause. The message-level flags are raised only when no clause reports an
 * action of the user's own (see IntentAnalysis.reportsAction).
 */
export function analyseIntent(message: string): IntentAnalysis {
  const clauses: ClauseAnalysis[] = [];
  for (const sentence of sentencesOf(message)) {
    const parts = clausesOf(sentence);
    let inherited: Subject | undefined;
    parts.forEach((tokens, index) => {
      const { clause, lastSubject } = analyseClause(tokens, {
        questionMark: sentence.question && index === parts.length - 1,
        verblessSentence: sentence.tokens.every(
          (token, position, all) =>
            !isVerbish(token.word) &&
            negativePhraseTense(
              all.map((item) => item.word),
              position,
            ) === undefined,
        ),
        previous: clauses[clauses.length - 1],
        previousInSentence: index > 0 ? clauses[clauses.length - 1] : undefined,
        inheritedSubject: inherited,
      });
      inherited = lastSubject ?? inherited;
      clauses.push(clause);
    });
    const sentenceClauses = clauses.slice(clauses.length - parts.length);
    sentenceClauses.forEach((clause, index) => {
      const next = sentenceClauses[index + 1];
      // "melatonin, 3 drops before bed, starting tonight": the list is what the plan after it starts.
      if (ITEM_LISTS.has(clause) && next !== undefined && isTimeOnlyPlan(next)) {
        clause.reportsAction = false;
        clause.hypothetical = true;
        clause.plan = next.plan;
        clause.reasons.push(`is what "${next.text}" plans`);
      }
    });
  }

  // "I had a pizza. Never mind." and "had pizza, actually no": the call-off wins over what came before.
  let firstLive = 0;
  clauses.forEach((clause, index) => {
    const previous = clauses[index - 1];
    const correction =
      clause.negated &&
      (previous?.text === "actually" || previous?.text === "wait" || clause.text.startsWith("actually "));
    if (clause.cancels || correction) firstLive = index + 1;
  });
  const live = clauses.slice(firstLive);
  const cancelled = firstLive > 0 && clauses.slice(0, firstLive).some((clause) => clause.reportsAction);

  const reportsAction = live.some((clause) => clause.reportsAction);
  const question = clauses.some((clause) => clause.question);
  const reasons: string[] = [];
  let hypothetical = false;
  let negated = false;
  let thirdPerson = false;
  const plan =
    !reportsAction &&
    live.some((clause) => clause.plan) &&
    !clauses.some((clause) => (clause.hypothetical && !clause.plan) || clause.negated || clause.thirdPerson);
  if (cancelled) reasons.push("a later clause calls off the earlier report");
  if (reportsAction) {
    for (const clause of live.filter((item) => item.reportsAction))
      reasons.push(`reports: "${clause.text}" (${clause.reasons.join("; ")})`);
  } else {
    hypothetical = clauses.some((clause) => clause.hypothetical);
    negated = clauses.some((clause) => clause.negated);
    thirdPerson = clauses.some((clause) => clause.thirdPerson);
    for (const clause of clauses) {
      if (clause.reasons.length > 0) reasons.push(`"${clause.text}": ${clause.reasons.join("; ")}`);
    }
  }
  const opening = clauses[0];
  const retracts =
    opening?.cancels === true &&
    CANCEL_PHRASES.some((phrase) => opening.text === phrase || opening.text.startsWith(`${phrase} `));
  return { hypothetical, negated, thirdPerson, question, reportsAction, plan, retracts, reasons, clauses };
}
