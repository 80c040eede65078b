// What the local engine does with a supplement message: which tools to call with which arguments,
// or what to answer without tools. Reads (lists, adherence) are always allowed; writes only for
// what the user reports about themselves, or, for the schedule itself (create_protocol,
// update_protocol), the user's own plan ("starting creatine tomorrow"). A question, a maybe, a
// "didn't" or someone else's intake never writes: the intent analysis of the write guard decides,
// clause by clause, and every write planned here is checked with the guard as the runner will.
import { type IntentAnalysis, analyseIntent, guardToolCall } from "@ensemble/ai";
import { isoDate, normaliseForMatching, normaliseText, parsePeriod, parseWhen } from "@ensemble/ai/local";
import { protocolTools } from "@ensemble/tools";
import { addDays } from "../schedule.ts";
import { shortDate } from "./answer.ts";
import { correctTypos } from "./typos.ts";
import { adviceFor } from "./advice.ts";
import {
  type Mention,
  dosesForMentions,
  findMentions,
  futureDate,
  hasSchedule,
  intakeWhen,
  namesWhen,
  parseSchedule,
  pauseResumeOn,
  soundsRecurring,
  targetDose,
} from "./parse.ts";

export interface ToolCallPlan {
  name: string;
  arguments: Record<string, unknown>;
}

export type Plan =
  | { kind: "calls"; calls: ToolCallPlan[]; notes: string[]; logAll?: LogAllRequest; style?: ReplyStyle }
  | { kind: "answer"; text: string };

/** How to word the answer when the question asks for one thing ("when did I last take ..."). */
export type ReplyStyle = "last-taken";

/** "Took all my morning supplements": which items, decided after reading the protocol. */
export interface LogAllRequest {
  timeOfDay: string | null;
  date: string;
  time?: string;
}

const ADHERENCE =
  /\b(?:adh[ae]r[ae]n(?:ce|cy|t)|streaks?|outstanding|pending|consisten(?:t|cy|tly)|when did i (?:last )?(?:take|have|log)|last (?:time|dose)|complian(?:t|ce)|how (?:am i|have i been|did i|i am|i have been|i did) (?:doing|done|going)|how often (?:have|did|do) i|how many (?:times|doses|days|pills)|did i (?:miss|forget|skip)|have i (?:missed|forgotten|skipped)|(?:any )?missed (?:any|doses?|days?)|my streak|track record|on track|(?:did|have) i (?:already |actually |even |remember(?:ed)? to )?(?:take|taken|had|have|done|do)\b|(?:report|summary|stats|statistics|history|overview)\b|what (?:have|did) i (?:take|taken|had)|what(?:'s| is| do i have| have i got)? (?:left|still|due|remaining)|still (?:need|have|got) to take|left to take|checklist|due today|how (?:good|bad|well) (?:am i|have i been)|(?:have|has) i been (?:good|bad|consistent|on track|doing well|doing ok|slacking)|report card|missed doses)\b/;
const LIST =
  /\b(?:(?:what|which) (?:supplements|supps|vitamins|pills|stuff)|what (?:am i|do i|i am|i'm) (?:taking|take|on)\b|(?:list|show|see|view|give|tell)(?: me)?(?: all)? (?:of )?(?:my |the )?(?:current |full |whole )?(?:supplements|supps|stack|protocols?|regimen|routine|vitamins|schedule|supplement (?:list|routine|schedule|plan))|what(?:'s| is) (?:in |on )?my (?:current |full |supplement )?(?:stack|protocols?|regimen|routine|schedule|supplement (?:list|routine|schedule|plan))|remind me what|what(?:'s| is) (?:paused|stopped)|(?:what|which) (?:dose|amount|strength) (?:of )?(?:\w+ ){0,3}(?:am i|do i|i am|i'm)\b|how much (?:\w+ ){0,3}(?:am i|do i) (?:meant to |supposed to )?(?:on|take|taking)\b|when (?:am i|do i|i am|i'm) (?:supposed |meant |scheduled |due )?(?:to )?(?:take|have)\b|what time (?:do i|am i) (?:supposed to |meant to )?(?:take|have)\b|which (?:ones )?(?:are|is) (?:paused|stopped|active)|(?:which|what) of (?:my|the) (?:supplements|supps|items|vitamins|pills))/;

const ASKS_WHAT_TO_TAKE =
  /\b(?:should i|would you|could i|do you recommend|recommend|good for|best for|best to|help (?:with|me)|helps? with)\b/;

/** "my stack" alone is a request to see it only when nothing else is asked for. */
const LIST_WEAK =
  /^(?:(?:my|the) )?(?:current |full |whole )?(?:supplements?|supps|stack|protocols?|regimen|routine|supplement (?:list|routine|schedule|plan))\s*\??$/;

const PAUSE =
  /\b(?:pause|pausing|paused|on hold|hold off|holding off|hold (?:\w+ ){0,3}for|(?:take|taking|having|need) a break|break from|cycle off|cycling off|cycled off|deload)\b/;
const PAUSE_WITH_PERIOD =
  /\b(?:off|skip|skipping|stop|stopping|no|drop|dropping|leave out|leaving out|break|hold|holding)\b/;
const RESUME =
  /\b(?:resume|resuming|resumed|restart|restarting|restarted|back on|start(?:ed|ing)? (?:\w+ ){0,3}again|going back on|went back on|continue|continuing|un-?pause|unpaused|pick(?:ed|ing)? (?:\w+ ){0,4}back up|back to taking)\b/;
const STOP =
  /\b(?:stop|stopping|stopped|quit|quitting|discontinu\w*|drop|dropping|dropped|done with|finished with|no longer|no more|cancel|cancell?ed|cancell?ing|scrap|scrapped|not taking (?:\w+ ){0,5}any ?more|cut out|cutting out|get rid of|remove|removing|ditch(?:ed|ing)?|came off|coming off|come off|off (?:\w+ ){0,4}for good|(?:i'?m|i am) off)\b/;
const CHANGE =
  /\b(?:change|changing|changed|switch|switching|switched|increase|increasing|increased|decrease|decreasing|decreased|up(?:ped|ping)? (?:my|the|it|to|them)|bump(?:ed|ing)?|raise|raising|raised|lower|lowering|lowered|reduce|reducing|reduced|cut (?:\w+ ){0,3}(?:back|down)|move|moving|moved|adjust|adjusting|adjusted|make (?:it|my|the)|make \w+ (?=\d)|now (?:i )?(?:take|taking)|from now on|instead|going forward|double|halve|update)\b/;
const CREATE =
  /\b(?:start|starting|started|begin|beginning|began|add|adding|added|put me on|been put on|prescribed|new supplement|new supp|new(?=\s*:)|i'?m on|i am on|i take|i'?m taking|i am taking|i'?ve been taking|i have been taking|i will be taking|track(?:ing)?|(?:doctor|doc|gp|physician|dietitian|nutritionist) (?:told|said|wants|put|recommended|prescribed)|(?:routine|protocol|stack|regimen) is)\b/;
const INTAKE =
  /\b(?:took|taken|take|taking|popped|pop|had|have had|swallowed|downed|chugged|drank|drink|slammed|smashed|necked|threw back|sank|did|done|down|got (?:\w+ ){0,4}in|finished|knocked back|check(?:ed)? off|ticked off|log|logged|record|mark)\b|[✅✔☑]/u;
const LOG_ALL =
  /\b(?:(?:supplements|supps|vitamins|pills|meds|stack) (?:all )?(?:done|taken|finished|down|in)|(?:morning|evening|night(?:ly)?|bedtime|am|pm|daily) (?:stack|supplements|supps|vitamins|pills|meds)|all (?:of )?(?:my|the)|everything|my (?:whole |entire |usual |daily )?(?:morning |evening |night(?:ly)? |bedtime |daily |am |pm )?(?:supplements|supps|stack|vitamins|pills|meds|everything)|the (?:whole |usual )?stack|all (?:my )?(?:supplements|supps|vitamins|pills))\b/;
const HABIT_ONLY = /\b(?:i take|i'?m taking|i am taking)\b/;
/** "drop X to 1 capsule", "cut it down to 3 g": a new dose. */
const NEW_DOSE =
  /\b(?:drop|dropping|cut|cutting|reduce|reducing|lower|lowering|bring|bringing|take|taking|go|going|bump|up|raise|increase|decrease) (?:\w+ ){0,4}(?:down |up |back )?to (?:\d|one|two|three|four|five|half|a single)/;
/** A start that goes on: "from tonight", "starting Monday", "from now on", "onwards". */
const ONGOING =
  /\b(?:(?:from|starting|beginning|as of)\s+(?:now|tonight|today|tomorrow|next\s+\w+|this\s+(?:week|weekend|coming\s+\w+)|(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)\w*)|onwards|going forward)\b/;
/** A stop meant to end: "for now", "I'll pick it back up later". */
const TEMPORARY =
  /\b(?:for now|for the time being|for a (?:bit|while)|temporarily|until further notice|pick (?:\w+ ){0,3}back up|back on (?:it|them) later|restart (?:it|them) later|for a few (?:days|weeks))\b/;
/** A start word and the time after it: "starting Monday", "from next week", "as of the 1st". */
const START_PHRASE =
  /\b(?:starting|start|starts|from|beginning|begin|as of|effective)\s+((?:on\s+|from\s+)?(?:tomorrow|next\s+\w+|this\s+(?:coming\s+)?\w+|(?:mon|tue|wed|thu|fri|sat|sun)\w*|the\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2})\b)/g;

const FUTURE_PLAN =
  /\b(?:start|starting|begin|beginning|add|adding|take|taking|try|trying|pause|pausing|stop|stopping|quit|quitting|switch|switching|resume|resuming|break)\b/;

export interface PlanInput {
  text: string;
  /** Earlier user messages, newest last, for "took them" after naming the items. */
  earlierUserMessages: string[];
  now: Date;
  /** The tools offered; a plan only calls these. */
  tools: Set<string>;
}

/** A clause that can lead to a write: a report, or, for a message that plans the schedule, a plan. */
function writes(clause: IntentAnalysis["clauses"][number], planned: boolean): boolean {
  return clause.reportsAction || (planned && clause.plan);
}

function excludedKeys(text: string, planned: boolean): Set<string> {
  // Supplements named in a clause that denies, imagines or is about someone else: never written.
  const excluded = new Set<string>();
  const included = new Set<string>();
  for (const clause of analyseIntent(text).clauses) {
    const keys = findMentions(clause.text).map((mention) => mention.key);
    if (writes(clause, planned)) keys.forEach((key) => included.add(key));
    else if (clause.negated || clause.hypothetical || clause.thirdPerson) keys.forEach((key) => excluded.add(key));
  }
  for (const key of included) excluded.delete(key);
  return excluded;
}

/** The clauses that report something, joined; null when the analysis found no clause to drop. */
function reportingText(text: string, planned: boolean): string | null {
  const clauses = analyseIntent(text).clauses;
  const reporting = clauses.filter(
    (clause) => writes(clause, planned) || !(clause.negated || clause.hypothetical || clause.thirdPerson),
  );
  if (reporting.length === 0 || reporting.length === clauses.length) return null;
  return normaliseText(reporting.map((clause) => clause.text).join(" , "));
}

function uniqueMentions(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => {
    if (seen.has(mention.key)) return false;
    seen.add(mention.key);
    return true;
  });
}

/** The text that belongs to each mention: from it to the next mention. */
function segments(text: string, mentions: Mention[]): string[] {
  return mentions.map((mention, index) =>
    text.slice(index === 0 ? 0 : mention.start, mentions[index + 1]?.start ?? text.length),
  );
}

function call(name: string, args: Record<string, unknown>): ToolCallPlan {
  return { name, arguments: args };
}

function readPlan(input: PlanInput, lower: string, mentions: Mention[]): Plan | null {
  const today = isoDate(input.now);
  const asksAdherence = ADHERENCE.test(lower);
  // "which supplements should I take for sleep?" asks for advice, not for the user's list.
  const asksList = (LIST.test(lower) || LIST_WEAK.test(lower)) && !ASKS_WHAT_TO_TAKE.test(lower);
  if (asksAdherence && input.tools.has("get_adherence")) {
    const args: Record<string, unknown> = {};
    const period = parsePeriod(input.text, input.now);
    const todayOnly =
      /\b(?:today|so far|left|still|due|remaining|this morning|tonight)\b/.test(lower) && period === null;
    if (period !== null) {
      args.from = period.from <= today ? period.from : today;
      args.to = period.to <= today ? period.to : today;
    } else if (todayOnly) {
      args.from = today;
      args.to = today;
    }
    const lastTaken = /\b(?:when did i (?:last )?(?:take|have|log)|last (?:time|dose))\b/.test(lower);
    if (lastTaken && period === null && !todayOnly) args.days = 30;
    const style: { style?: ReplyStyle } = lastTaken ? { style: "last-taken" } : {};
    const named = uniqueMentions(mentions);
    if (named.length === 1) args.item = named[0]!.said;
    if (named.length > 1)
      return {
        kind: "calls",
        calls: named.map((mention) => call("get_adherence", { ...args, item: mention.said })),
        notes: [],
        ...style,
      };
    return { kind: "calls", calls: [call("get_adherence", args)], notes: [], ...style };
  }
  if (asksList && input.tools.has("list_protocols")) {
    const status = /\bpaused\b/.test(lower)
      ? "paused"
      : /\b(?:stopped|used to take|quit|past)\b/.test(lower)
        ? "stopped"
        : /\b(?:active|current(?:ly)?)\b/.test(lower)
          ? "active"
          : "all";
    return { kind: "calls", calls: [call("list_protocols", { status })], notes: [] };
  }
  return null;
}

/** The name a reply uses for the first supplement mentioned, or null when none is. */
function replyName(mentions: Mention[]): string | null {
  const first = mentions[0];
  return first === undefined ? null : first.said.replace(/^(?:my|the)\s+/i, "");
}

const NOT_GOING_TO =
  /\b(?:won'?t|will not|not going to|not gonna|am not|i'?m not) (?:be )?(?:take|taking|have|having|on)\b/;
const FUTURE_WORDS =
  /\b(?:tomorrow|next|tonight|later|soon|this (?:weekend|week)|for (?:a|the|two|three|\d+) (?:days?|weeks?))\b/;
const CHANGE_VERB =
  /\b(?:stop|stopping|quit|quitting|pause|pausing|switch|switching|resume|resuming|change|changing)\b/;

/** The answer for a message that writes nothing: someone else's, denied, weighed up or asked about. */
function noWriteAnswer(input: PlanInput, lower: string, mentions: Mention[], intent: IntentAnalysis): Plan | null {
  if (intent.reportsAction) return null;
  const first = mentions[0];
  const name = first === undefined ? null : first.said;
  const lowered = replyName(mentions) ?? "it";
  if (intent.thirdPerson) {
    return {
      kind: "answer",
      text: "I only track your own supplements, so I haven't logged anything for them. If you take it too, tell me and I'll log yours.",
    };
  }
  if (intent.negated) {
    return {
      kind: "answer",
      text: `Got it, nothing logged${name === null ? "" : ` for ${lowered}`}. ${name === null ? "If you take it later" : `If you take ${lowered} later`}, just tell me (e.g. "took my ${name === null ? "creatine" : lowered}") and I'll log it then.`,
    };
  }
  if (intent.hypothetical || intent.question) {
    // "I won't take fish oil next week": a planned gap, which a pause keeps from counting as missed.
    if (!intent.question && name !== null && NOT_GOING_TO.test(lower) && FUTURE_WORDS.test(lower)) {
      return {
        kind: "answer",
        text: `Okay, nothing changed. If you'd like those days not to count as missed, say "pause ${lowered} until" and the day you're back on it, and I'll pause it.`,
      };
    }
    // "I might pause creatine next week": weighed up, not decided.
    const change = CHANGE_VERB.exec(lower);
    if (!intent.question && name !== null && change !== null && FUTURE_PLAN.test(lower)) {
      return {
        kind: "answer",
        text: `Okay, nothing changed yet. When you decide, tell me (e.g. "${verbOf(change[0])} ${lowered}") and I'll update your protocol.`,
      };
    }
    const own = ownDataRead(input, lower);
    if (own !== null) return own;
    return { kind: "answer", text: adviceFor(lower, first?.supplement?.key ?? null, name) };
  }
  return null;
}

function verbOf(word: string): string {
  return word
    .replace(/(?:ping|ing)$/, "")
    .replace(/^paus$/, "pause")
    .replace(/^resum$/, "resume")
    .replace(/^chang$/, "change");
}

/** The answer for the user's own plan that names nothing to set up yet ("I'll take my magnesium later"). */
function planAnswer(input: PlanInput, lower: string, mentions: Mention[]): Plan {
  const name = replyName(mentions);
  if (name === null) {
    return {
      kind: "answer",
      text: 'Sounds like a plan. Tell me which supplement, the dose and when (e.g. "creatine 5 g every morning from tomorrow") and I\'ll set it up.',
    };
  }
  // "I'll take my magnesium later" plans one dose; "I plan to take vitamin D over the winter" a routine.
  const oneDose = /\b(?:later|tonight|after|before|in an? |soon|this (?:morning|afternoon|evening))\b/.test(lower);
  if (
    !oneDose ||
    /\b(?:start|starting|begin|beginning|add|adding|try|trying|on)\b/.test(lower) ||
    soundsRecurring(lower)
  ) {
    const hint = describeDoseHint(input.text) || " 5 g every morning";
    return {
      kind: "answer",
      text: `Sounds like a plan. I haven't added ${name} yet: tell me the dose and when you'll take it (e.g. "start ${name}${hint} from tomorrow") and I'll set it up.`,
    };
  }
  return {
    kind: "answer",
    text: `Okay! Nothing logged yet: tell me once you've taken ${name} and I'll tick it off.`,
  };
}

/** A question about the user's own items or intakes ("is my adherance ok?"), not about supplements in general. */
const OWN_DATA = /\b(?:my|am i|do i|have i|did i|i'?m|i am|i have|i'?ve)\b/;
const ADVICE_WORDS =
  /\b(?:should|safe|too much|too little|best|better|worth|help|helps|work|works|side effects?|what if|would|could|can|cause|causes|why|vs|versus|instead|recommend|need to|ok to|okay to|fine to|good to|bad to|interact\w*|together|with (?:coffee|food|alcohol|caffeine|milk))\b/;
const SCHEDULE_WORDS =
  /\b(?:on|dose|doses|dosage|schedule|routine|stack|regimen|list|when|what time|how much|how many (?:mg|g|iu|mcg|capsules|pills))\b/;

function ownDataRead(input: PlanInput, lower: string): Plan | null {
  if (!OWN_DATA.test(lower) || ADVICE_WORDS.test(lower)) return null;
  const tracking =
    /\b(?:taken|took|missed|skipped|forgot|today|yesterday|week|month|streak|adh\w*|consisten\w*|track|record|so far|left|due|still|lately|recently|been|doing)\b/;
  if (tracking.test(lower) && input.tools.has("get_adherence")) {
    const period = parsePeriod(input.text, input.now);
    const today = isoDate(input.now);
    const args: Record<string, unknown> =
      period === null
        ? {}
        : { from: period.from <= today ? period.from : today, to: period.to <= today ? period.to : today };
    return { kind: "calls", calls: [call("get_adherence", args)], notes: [] };
  }
  if (SCHEDULE_WORDS.test(lower) && input.tools.has("list_protocols"))
    return { kind: "calls", calls: [call("list_protocols", { status: "all" })], notes: [] };
  return null;
}

function describeDoseHint(text: string): string {
  const dose = targetDose(text);
  const schedule = parseSchedule(text, new Date());
  const parts: string[] = [];
  if (dose !== undefined) parts.push(`${dose.dose} ${dose.unit}`);
  if (schedule.timesPerDay === 2) parts.push("twice a day");
  else if (schedule.timeOfDay?.[0] === "morning") parts.push("every morning");
  else if (schedule.timeOfDay?.[0] === "before_bed") parts.push("before bed");
  else if (schedule.timesPerDay === 1 || parts.length > 0) parts.push("daily");
  return parts.length === 0 ? "" : ` ${parts.join(" ")}`;
}

function updatePlan(input: PlanInput, lower: string, mentions: Mention[]): Plan | null {
  if (!input.tools.has("update_protocol")) return null;
  const today = isoDate(input.now);
  const resumeOn = pauseResumeOn(lower, today);
  const notes: string[] = [];
  let action: "pause" | "resume" | "stop" | "change" | null = null;
  const intakeToday =
    /\b(?:done with|finished with) (?:\w+ ){0,4}(?:for (?:today|the day|tonight|this morning)|today)\b/.test(lower);
  // "drop the omega 3s to one capsule a day": a new dose, whatever "drop" or "a day" say elsewhere.
  const toNewDose = NEW_DOSE.test(lower) && targetDose(input.text) !== undefined;
  if (toNewDose) action = "change";
  else if (
    PAUSE.test(lower) ||
    (PAUSE_WITH_PERIOD.test(lower) && resumeOn !== null && !/\b(?:took|taken|popped|had)\b/.test(lower)) ||
    // "stop my zinc for now, I'll pick it back up later": a stop meant to end is a pause.
    (STOP.test(lower) && TEMPORARY.test(lower) && !intakeToday)
  )
    action = "pause";
  else if (RESUME.test(lower)) action = "resume";
  else if (STOP.test(lower) && !intakeToday) action = "stop";
  else if (CHANGE.test(lower) && !/\b(?:took|popped|swallowed|downed)\b/.test(lower)) action = "change";
  if (action === null) return null;

  const items = uniqueMentions(mentions);
  if (/\b(?:everything|all (?:of )?(?:my|the)|all (?:supplements|supps|vitamins|items))\b/.test(lower)) {
    // "pause everything except creatine": one item per instruction keeps mistakes small.
    return {
      kind: "answer",
      text: `I change one named item at a time. Tell me which ones, e.g. "${action} fish oil and zinc".`,
    };
  }
  if (items.length === 0) {
    return {
      kind: "answer",
      text: `Which supplement should I ${action === "change" ? "change" : action}? Tell me its name, e.g. "${action} creatine".`,
    };
  }
  // A change starts the day it is made; one planned for later ("from next week") waits for that day.
  const effective = futureStartDate(input.text, today, false);
  if (effective !== undefined) {
    const name = replyName(items) ?? "it";
    return {
      kind: "answer",
      text: `I can only make changes from today, so nothing is changed yet. On ${shortDate(effective)}, tell me "${action} ${name}" and I'll update it then.`,
    };
  }
  if (action === "change") {
    const dose = targetDose(input.text);
    const schedule = parseSchedule(input.text, input.now);
    if (schedule.approximated !== undefined) notes.push(schedule.approximated);
    const changes: Record<string, unknown> = {};
    if (dose !== undefined) Object.assign(changes, { dose: dose.dose, unit: dose.unit });
    if (schedule.timesPerDay !== undefined) changes.timesPerDay = schedule.timesPerDay;
    if (schedule.timeOfDay !== undefined) changes.timeOfDay = schedule.timeOfDay;
    if (schedule.daysOfWeek !== undefined) changes.daysOfWeek = schedule.daysOfWeek;
    if (schedule.withMeals !== undefined) changes.withMeals = schedule.withMeals;
    if (Object.keys(changes).length === 0) {
      const name = items[0]!.supplement?.name ?? items[0]!.said;
      return {
        kind: "answer",
        text: `What should ${name.toLowerCase()} change to? Give me the new dose or schedule, e.g. "${name.toLowerCase()} 10 g every morning".`,
      };
    }
    // "I'm now taking vitamin C 1000 mg each morning" restates a routine: create_protocol adds the item
    // if it is new and updates it if not, where update_protocol would fail on a new one.
    // "the fish oil", "my zinc": an item already in the protocol, which update_protocol changes.
    const known = items.every((mention) =>
      /\b(?:the|my)\s+$/i.test(input.text.slice(Math.max(0, mention.start - 4), mention.start)),
    );
    // "switch X to evenings from now on" names the change itself, so X is already there.
    const changeVerb = /\b(?:switch|move|shift|change|increase|decrease|bump|up|lower|reduce|raise|drop|cut)\b/.test(
      lower,
    );
    const restates =
      (/\b(?:now (?:i )?(?:take|taking)|(?:i am|i'm) now taking)\b/.test(lower) ||
        (/\b(?:from now on|going forward)\b/.test(lower) && !changeVerb)) &&
      !known &&
      input.tools.has("create_protocol");
    if (restates) {
      return {
        kind: "calls",
        calls: items.map((mention) => call("create_protocol", { name: mention.said, ...changes })),
        notes,
      };
    }
    return {
      kind: "calls",
      calls: items.map((mention) => call("update_protocol", { item: mention.said, action, ...changes })),
      notes,
    };
  }
  const extra = action === "pause" && resumeOn !== null ? { resumeOn } : {};
  return {
    kind: "calls",
    calls: items.map((mention) => call("update_protocol", { item: mention.said, action, ...extra })),
    notes,
  };
}

/** A later first day the text names: "starting Monday", "from tomorrow", and with `bare`, "next week" alone. */
function futureStartDate(text: string, today: string, bare: boolean): string | undefined {
  const lower = normaliseForMatching(text);
  for (const match of lower.matchAll(START_PHRASE)) {
    const date = futureDate(match[1]!, today);
    if (date !== null) return date;
  }
  if (!bare) return undefined;
  const alone = /\b(?:tomorrow|next (?:week|month|mon|tues|wednes|thurs|fri|satur|sun)\w*)\b/.exec(lower);
  return alone === null ? undefined : (futureDate(alone[0], today) ?? undefined);
}

function startDateOf(text: string, now: Date): string | undefined {
  const lower = normaliseText(text);
  // Only a start word makes a date the start date: in "B12 every Monday" the Monday is a schedule day.
  if (!/\b(?:start|started|starting|began|begun|begin|since|from|as of|been taking|been on)\b/.test(lower))
    return undefined;
  const today = isoDate(now);
  if (/\blast week\b|\b(?:a|one) week ago\b/.test(lower)) return addDays(today, -7);
  if (/\blast month\b|\b(?:a|one) month ago\b/.test(lower)) return addDays(today, -30);
  const period = parsePeriod(text, now);
  if (period !== null && /\b(?:since|from|as of)\b/.test(lower) && period.from < today) return period.from;
  const when = parseWhen(text, now);
  const dated = when.matched.some(
    (phrase) =>
      !/^(?:for |with |at |in the |this )?(?:breakfast|lunch|dinner|supper|morning|evening|night|afternoon|bed)/.test(
        phrase.toLowerCase(),
      ),
  );
  if (dated && when.date < today) return when.date;
  return undefined;
}

/**
 * The supplements a message names, or for "took them" / "I take it every morning" the ones of the
 * user's previous message that named any (with no place in this text: start and end 0).
 */
function itemsOrReferenced(input: PlanInput, lower: string, mentions: Mention[]): Mention[] {
  const items = uniqueMentions(mentions);
  if (items.length > 0 || !/\b(?:it|them|both|those|these)\b/.test(lower)) return items;
  for (const earlier of input.earlierUserMessages.toReversed()) {
    const found = uniqueMentions(findMentions(earlier));
    if (found.length > 0) return found.map((mention) => ({ ...mention, start: 0, end: 0 }));
  }
  return [];
}

function createPlan(input: PlanInput, lower: string, mentions: Mention[], planned: boolean): Plan | null {
  if (!input.tools.has("create_protocol")) return null;
  const schedule = parseSchedule(input.text, input.now);
  const items = itemsOrReferenced(input, lower, mentions);
  // Items named in an earlier message have no place in this text: one takes the dose said here
  // ("I take it every morning, 5g"), several share the schedule and ask for their doses.
  const referenced = items.some((item) => item.end === 0);
  const doses = referenced && items.length > 1 ? items.map(() => undefined) : dosesForMentions(input.text, items);
  const anyDose = doses.some((dose) => dose !== undefined);
  const creates = CREATE.test(lower);
  // "fish oil with dinner" is an intake at dinner; "fish oil with dinner every day" is a routine,
  // and so is one that starts somewhere ("magnesium before bed from tonight").
  const scheduled = hasSchedule(schedule) && (soundsRecurring(lower) || ONGOING.test(lower));
  if (!creates && !scheduled) return null;
  // A plan sets up a schedule only when it says one: "I plan to take vitamin D over the winter"
  // leaves the dose and the days to ask about.
  if (planned && !anyDose && !hasSchedule(schedule)) return null;
  // "I'm taking my creatine now" reports an intake; "I take creatine 5 g daily" states a routine.
  if (HABIT_ONLY.test(lower) && !/\b(?:start|begin|add|track|prescribed|on)\b/.test(lower) && !scheduled && !anyDose)
    return null;
  // "took my creatine this morning": a schedule word inside an intake report is the time of the intake.
  if (
    /\b(?:took|popped|swallowed|downed|had)\b/.test(lower) &&
    !/\b(?:start|started|begin|add|added|i take|i'?m taking|every|each|daily|a day|per day|nightly)\b/.test(lower)
  )
    return null;
  if (items.length === 0) {
    return creates
      ? { kind: "answer", text: 'Which supplement is it? Tell me like "creatine 5 g every morning" and I\'ll add it.' }
      : null;
  }
  const notes: string[] = [];
  if (schedule.approximated !== undefined) notes.push(schedule.approximated);
  // "since Monday", "started last week" date back; "from Monday", "starting tomorrow" look ahead.
  const future = futureStartDate(input.text, isoDate(input.now), planned);
  const pastCue = /\b(?:since|started|began|begun|been taking|been on|ago|last)\b/.test(lower);
  const startDate = future !== undefined && !pastCue ? future : startDateOf(input.text, input.now);
  const parts = referenced ? items.map(() => "") : segments(input.text, items);
  const calls = items.map((mention, index) => {
    const own = parseSchedule(parts[index]!, input.now);
    // An item's own schedule is all of it: "5 g creatine every morning and fish oil twice a day with
    // meals" gives creatine neither the twice a day nor the meals. An item without one shares the message's.
    const chosen = hasSchedule(own) ? own : schedule;
    const args: Record<string, unknown> = { name: mention.said };
    const dose = doses[index];
    if (dose !== undefined) Object.assign(args, { dose: dose.dose, unit: dose.unit });
    if (chosen.timesPerDay !== undefined) args.timesPerDay = chosen.timesPerDay;
    if (chosen.timeOfDay !== undefined)
      args.timeOfDay = chosen.timeOfDay.slice(0, chosen.timesPerDay ?? chosen.timeOfDay.length);
    if (chosen.daysOfWeek !== undefined) args.daysOfWeek = chosen.daysOfWeek;
    if (chosen.withMeals !== undefined) args.withMeals = chosen.withMeals;
    if (startDate !== undefined) args.startDate = startDate;
    return call("create_protocol", args);
  });
  return { kind: "calls", calls, notes };
}

function intakePlan(input: PlanInput, lower: string, mentions: Mention[]): Plan | null {
  if (!input.tools.has("log_supplement_intake")) return null;
  const whole = intakeWhen(input.text, input.now);
  const catalogueNamed = mentions.some(
    (mention) => mention.supplement !== null && !/^(?:multi|multivitamin)$/.test(mention.key),
  );
  if (LOG_ALL.test(lower) && !catalogueNamed) {
    const part = /\b(morning|am|evening|pm|night(?:ly)?|bedtime|lunch|midday)\b/.exec(lower)?.[1];
    const timeOfDay =
      part === undefined
        ? null
        : part === "am" || part === "morning"
          ? "morning"
          : part === "pm" || part === "evening"
            ? "evening"
            : part === "lunch" || part === "midday"
              ? "midday"
              : "before_bed";
    const logAll: LogAllRequest = {
      timeOfDay,
      date: whole.date,
      ...(whole.time === undefined ? {} : { time: whole.time }),
    };
    return { kind: "calls", calls: [call("list_protocols", { status: "active" })], notes: [], logAll };
  }
  const items = itemsOrReferenced(input, lower, mentions);
  if (items.length === 0) return null;
  // A bare list of supplements ("creatine + fish oil", "vitamin D with lunch") reads as "took these";
  // anything else needs an intake verb.
  if (!INTAKE.test(lower) && !isBareList(input.text, items, input.now)) return null;
  const doses = items.every((item) => item.end > 0) ? dosesForMentions(input.text, items) : items.map(() => undefined);
  const parts = items.every((item) => item.end > 0) ? segments(input.text, items) : items.map(() => "");
  const entries = items.map((mention, index) => {
    const own =
      parts[index] !== "" && namesWhen(parts[index]!, input.now) ? intakeWhen(parts[index]!, input.now) : whole;
    const entry: Record<string, unknown> = { name: mention.said };
    const dose = doses[index];
    if (dose !== undefined) Object.assign(entry, { dose: dose.dose, unit: dose.unit });
    if (own.date !== isoDate(input.now)) entry.date = own.date;
    if (own.time !== undefined) entry.time = own.time;
    return entry;
  });
  return { kind: "calls", calls: [call("log_supplement_intake", { items: entries })], notes: [] };
}

const BARE_LIST_WORDS = new Set([
  "and",
  "plus",
  "with",
  "my",
  "the",
  "at",
  "in",
  "on",
  "this",
  "morning",
  "afternoon",
  "evening",
  "night",
  "tonight",
  "today",
  "yesterday",
  "lunch",
  "breakfast",
  "dinner",
  "supper",
  "brekkie",
  "before",
  "after",
  "bed",
  "bedtime",
  "gym",
  "workout",
  "training",
  "session",
  "run",
  "swim",
  "ride",
  "class",
  "lifting",
  "am",
  "pm",
  "done",
  "check",
  "checked",
  "both",
  "also",
  "too",
  "caps",
  "cap",
  "capsules",
  "capsule",
  "softgels",
  "softgel",
  "pills",
  "pill",
  "tablets",
  "tablet",
  "gummies",
  "then",
  "just",
  "now",
  "of",
  "g",
  "mg",
  "mcg",
  "iu",
  "ml",
  "drops",
  "scoop",
  "scoops",
  "a",
  "an",
  "one",
  "two",
  "three",
  "x",
  "dose",
  "doses",
  "as",
  "usual",
  "again",
  "first",
  "thing",
  "post",
  "pre",
  "o",
  "clock",
  // A label before the list: "supplements: multivitamin, omega 3", "morning stack: D3, zinc".
  "supplements",
  "supplement",
  "supps",
  "supp",
  "stack",
  "vitamins",
]);

/** True when the text is supplements, amounts and times only ("creatine 5g + fish oil at lunch"). */
function isBareList(text: string, items: Mention[], now: Date): boolean {
  let rest = text;
  for (const item of [...items].sort((left, right) => right.start - left.start)) {
    if (item.end > item.start) rest = `${rest.slice(0, item.start)} ${rest.slice(item.end)}`;
  }
  for (const phrase of parseWhen(rest, now).matched) rest = rest.replace(phrase, " ");
  const words = normaliseText(rest).match(/[a-z]+/g) ?? [];
  return words.every((word) => BARE_LIST_WORDS.has(word) || /^x\d*$/.test(word));
}

const HELP =
  'I can track your supplements: add one ("creatine 5 g every morning"), log what you took ("took my vitamin D and fish oil"), pause or stop items, and show how consistent you\'ve been ("how did I do this week?").';

/** Keeps the calls the write guard would run, as the tool runner will check them; null when none is left. */
function guarded(plan: Plan, text: string): Plan | null {
  if (plan.kind === "answer") return plan;
  const allowed = (name: string): boolean => {
    const tool = DEFINITIONS.get(name);
    return tool === undefined || guardToolCall(tool, text).allowed;
  };
  const calls = plan.calls.filter((candidate) => allowed(candidate.name));
  if (plan.logAll !== undefined && !allowed("log_supplement_intake")) return null;
  if (calls.length === 0) return null;
  return { ...plan, calls };
}

const DEFINITIONS: ReadonlyMap<string, (typeof protocolTools)[number]> = new Map(
  protocolTools.map((tool) => [tool.name, tool]),
);

/** What to do with the user's message. */
export function planMessage(original: PlanInput): Plan {
  // Read with typos put right ("tooke my creatin"); the write guard still reads the user's own words.
  const input: PlanInput = { ...original, text: correctTypos(original.text) };
  const lower = normaliseText(input.text);
  if (lower === "") return { kind: "answer", text: HELP };
  if (
    /^(?:thanks|thank you|thx|ty|cheers|great|nice|cool|ok(?:ay)?|perfect)\b[\s!.]*(?:(?:so much|a lot|mate|coach)[\s!.]*)?$/.test(
      lower,
    )
  ) {
    return { kind: "answer", text: "Anytime! Tell me whenever you take something and I'll keep your streak going." };
  }
  const mentions = findMentions(input.text);

  const read = readPlan(input, lower, mentions);
  if (read !== null) return read;
  const intent = analyseIntent(input.text);
  // The user's own plan ("starting creatine tomorrow", "pause fish oil until Monday") is what the
  // schedule tools record; an intake is only ever logged for what was taken.
  const planned = !intent.reportsAction && intent.plan;
  if (!planned) {
    const refusal = noWriteAnswer(input, lower, mentions, intent);
    if (refusal !== null) return refusal;
  }

  const excluded = excludedKeys(input.text, planned);
  const writable = mentions.filter((mention) => !excluded.has(mention.key));
  // Verbs count only in clauses that report something: in "took my creatine, going to start fish
  // oil tomorrow" the "start" belongs to a plan, so this is an intake, not a new item.
  const verbs = reportingText(input.text, planned) ?? lower;
  const plan = planned
    ? (updatePlan(input, verbs, writable) ?? createPlan(input, verbs, writable, true))
    : (updatePlan(input, verbs, writable) ??
      createPlan(input, verbs, writable, false) ??
      intakePlan(input, verbs, writable));
  const checked = plan === null ? null : guarded(plan, original.text);
  if (checked !== null) return checked;
  if (planned) return planAnswer(input, lower, mentions);
  if (mentions.length > 0 && input.tools.has("list_protocols"))
    return { kind: "calls", calls: [call("list_protocols", { status: "all" })], notes: [] };
  return { kind: "answer", text: HELP };
}
