// The embedded local engine's router: which domain(s) a user message is about.
// A one-vs-rest logistic regression over hashed text features, trained offline by
// scripts/train-router.ts on data/router/corpus.jsonl. Deterministic, no network, Web APIs only.
import { splitClauses } from "../nlu/clauses.ts";
import weights from "./weights.json" with { type: "json" };
import { type RouterResult, type SpecialistDomain, createRouter } from "./model.ts";

export type { RouterDomain, RouterResult, SpecialistDomain } from "./model.ts";

const classify = createRouter(weights);

/**
 * Classifies a user message. `domain` is the most probable domain and `confidence` its calibrated
 * probability; `domains` lists every specialist domain the message is about, highest score first
 * (empty when the domain is general). Never throws: empty input gives general with confidence 0.
 */
export function classifyMessage(text: string): RouterResult {
  const message = typeof text === "string" ? text : "";
  // "show me user 42's meals": another user's data is nobody's specialist's business; the general
  // answer refuses it (a specialist would answer with the asker's own data, which reads as a leak).
  const result = classify(message);
  if (OTHER_USERS.test(message)) return { ...result, domain: "general", confidence: 1, domains: [] };
  return (
    summaryRequest(result, message) ??
    withClauseDomains(withActivity(withNamedDomains(result, message), message), message)
  );
}

const OTHER_USERS =
  /\b(?:user\s*(?:#|no\.?|number|id)?\s*\d+(?:'?s)?|user ids?|other users?|another user'?s?|all users'?|every user'?s?|everyone'?s|everybody'?s|someone else'?s|somebody else'?s)\b/i;

// "How did I do this week?", "give me a recap of today": a summary of the user's own days reads the
// logs of every domain, so it goes to all three specialists (the general answer has no data).
const SUMMARY_WORDS =
  /\b(?:summary|summarise|summarize|sum up|recap|rundown|run-down|round-?up|overview|report|review|how did i do|how have i done|how am i doing|how'?s my|how was my)\b/i;
const OWN_PERIOD =
  /\b(?:today|tonight|yesterday|this week|last week|this month|so far|my day|my week|my month|the day|the week|lately|recently)\b/i;

function summaryRequest(result: RouterResult, text: string): RouterResult | null {
  if (!SUMMARY_WORDS.test(text) || !OWN_PERIOD.test(text)) return null;
  // A summary about one thing ("recap my workouts this week") stays with the classifier.
  const named = (Object.keys(DOMAIN_NAMES) as SpecialistDomain[]).filter((domain) => DOMAIN_NAMES[domain].test(text));
  if (named.length === 1 || (result.domain !== "general" && result.confidence >= 0.6)) return null;
  return { ...result, domain: "meal", confidence: 1, domains: ["meal", "protocol", "metrics-workout"] };
}

// "Delete that", "and yesterday?", "make it two": a short follow-up names no domain of its own; it
// is about what the previous message was about. Only a follow-up the classifier cannot place
// takes the previous message's domains; anything it reads on its own keeps its own reading.
const FOLLOW_UP =
  /^(?:and|also|plus|oh and|actually|no|nope|wait|sorry|same|what about|how about)\b|\b(?:it|that|this|those|these|them|one)\b/i;
const FOLLOW_UP_WORDS = 8;
const FOLLOW_UP_CONFIDENCE = 0.9;

/** Classifies a message in the light of the user's previous one (see FOLLOW_UP). */
export function classifyInContext(text: string, previous?: string): RouterResult {
  const own = classifyMessage(text);
  if (previous === undefined || previous.trim() === "") return own;
  const short = text.trim().split(/\s+/).length <= FOLLOW_UP_WORDS;
  // Below this the classifier is guessing from a fragment ("make that 3" reads as training, 0.57).
  const unplaced = own.domain === "general" || own.confidence < FOLLOW_UP_CONFIDENCE;
  if (!short || !unplaced || !FOLLOW_UP.test(text) || OTHER_USERS.test(text)) return own;
  const before = classifyMessage(previous);
  return before.domain === "general" ? own : { ...before, scores: own.scores };
}

// An activity given with its numbers is a workout done, even where the message mentions it as the
// time of something else: "protein shake after a 40 minute run", "after my 5k I had a bagel". The
// classifier learned "after my run" as context (a time, no domain), which it is without numbers.
const QUANTIFIED_ACTIVITY =
  /\b\d+(?:[.,]\d+)?\s*(?:k|km|kms|mi|miles?|m|min|mins|minutes?|hours?|hrs?|h)\s+(?:easy\s+|long\s+|hard\s+|slow\s+|fast\s+)?(?:run|jog|ride|bike ride|cycle|swim|walk|row|hike|spin class|spin|session|class|workout|game|match)\b|\b(?:ran|jogged|cycled|biked|rode|swam|rowed|walked|hiked)\s+(?:for\s+)?(?:about\s+)?\d|\b(?:my|a|the)\s+\d+(?:[.,]\d+)?\s*(?:k|km|mi|miles?)\b(?!\s*(?:cal|cals|calories?|kcal|steps?|budget|deficit|surplus))/i;

function withActivity(result: RouterResult, text: string): RouterResult {
  const activity = QUANTIFIED_ACTIVITY.exec(text);
  if (result.domain === "general" || activity === null) return result;
  // What the message says besides the activity keeps its own domain: in "protein shake after a 40
  // minute run" the run can outweigh the shake for the classifier.
  const rest = `${text.slice(0, activity.index)} ${text.slice(activity.index + activity[0].length)}`;
  const besides = classify(rest);
  const added = new Set<SpecialistDomain>(["metrics-workout"]);
  if (besides.domain !== "general" && besides.confidence >= CLAUSE_CONFIDENCE) added.add(besides.domain);
  const domains = [...result.domains, ...[...added].filter((domain) => !result.domains.includes(domain))];
  return domains.length === result.domains.length ? result : { ...result, domains };
}

/** How sure the classifier must be of a clause on its own before its domain joins the others. */
const CLAUSE_CONFIDENCE = 0.85;

// A message already about several domains can be about one more, in a clause the whole message's
// word statistics drown: "weighed 70 kg, took fish oil and had porridge" scores meal at 0.42, its
// clause "had porridge" at 0.86. Only messages already read as multi-domain are widened: cutting a
// one-domain message into clauses finds fragments ("ran out") that look like another domain.
function withClauseDomains(result: RouterResult, text: string): RouterResult {
  if (result.domains.length < 2) return result;
  const added: SpecialistDomain[] = [];
  for (const clause of splitClauses(text)) {
    const own = classify(clause);
    const domain = own.domain;
    if (domain === "general" || own.confidence < CLAUSE_CONFIDENCE) continue;
    if (!result.domains.includes(domain) && !added.includes(domain)) added.push(domain);
  }
  return added.length === 0 ? result : { ...result, domains: [...result.domains, ...added] };
}

// Words that name a whole domain rather than one thing in it. The classifier learned mostly from
// messages about one thing ("took my creatine"), so a request that names several domains outright
// ("a rundown of today: food, training and supplements") can come out as one. Only a message the
// classifier already puts in a specialist's hands is widened: a general question that names two
// domains ("how do I balance diet and training?") stays general.
const DOMAIN_NAMES: Record<SpecialistDomain, RegExp> = {
  meal: /\b(?:food|foods|meals|eating|diet|nutrition|calories|macros)\b/i,
  protocol: /\b(?:supplements?|vitamins|stack|protocols?)\b/i,
  "metrics-workout":
    /\b(?:training|workouts?|exercise|exercising|gym|lifts|lifting|body metrics|weigh-ins?|measurements)\b/i,
};

function withNamedDomains(result: RouterResult, text: string): RouterResult {
  if (result.domain === "general") return result;
  const named = (Object.keys(DOMAIN_NAMES) as SpecialistDomain[]).filter((domain) => DOMAIN_NAMES[domain].test(text));
  if (named.length < 2) return result;
  const domains = [...new Set([...result.domains, ...named])].sort((left, right) =>
    left === result.domain ? -1 : right === result.domain ? 1 : result.scores[right] - result.scores[left],
  );
  return { ...result, domains };
}
