// What the local engine does with a supplement message: which tools to call with which arguments,
// or what to answer without tools. Reads (lists, adherence) are always allowed; writes only for
// what the user reports about themselves: a question, a maybe, a "didn't" or someone else's intake
// never writes (the intent analysis from the write guard decides, clause by clause).
import { analyseIntent } from "@ensemble/ai";
import { isoDate, normaliseText, parsePeriod, parseWhen } from "@ensemble/ai/local";
import { addDays } from "../schedule.ts";
import { adviceFor } from "./advice.ts";
import {
  type Mention,
  dosesForMentions,
  findMentions,
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
  /\b(?:adherence|consisten(?:t|cy|tly)|when did i (?:last )?(?:take|have|log)|last (?:time|dose)|complian(?:t|ce)|how (?:am i|have i been|did i|i am|i have been|i did) (?:doing|done|going)|how often (?:have|did|do) i|how many (?:times|doses|days|pills)|did i (?:miss|forget|skip)|have i (?:missed|forgotten|skipped)|(?:any )?missed (?:any|doses?|days?)|my streak|track record|on track|(?:did|have) i (?:already |actually |even |remember(?:ed)? to )?(?:take|taken|had|have|done|do)\b|(?:report|summary|stats|statistics|history|overview)\b|what (?:have|did) i (?:take|taken|had)|what(?:'s| is| do i have| have i got)? (?:left|still|due|remaining)|still (?:need|have|got) to take|left to take|checklist|due today|how (?:good|bad|well) (?:am i|have i been)|report card|missed doses)\b/;
const LIST =
  /\b(?:(?:what|which) (?:supplements|supps|vitamins|pills|stuff)|what (?:am i|do i|i am|i'm) (?:taking|take|on)\b|(?:list|show|see|view|give|tell)(?: me)?(?: all)? (?:of )?(?:my |the )?(?:current |full |whole )?(?:supplements|supps|stack|protocols?|regimen|routine|vitamins|schedule|supplement (?:list|routine|schedule|plan))|what(?:'s| is) (?:in |on )?my (?:current |full |supplement )?(?:stack|protocols?|regimen|routine|schedule|supplement (?:list|routine|schedule|plan))|remind me what|what(?:'s| is) (?:paused|stopped)|which (?:ones )?(?:are|is) (?:paused|stopped|active)|(?:which|what) of (?:my|the) (?:supplements|supps|items|vitamins|pills))/;

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
  /\b(?:(?:morning|evening|night(?:ly)?|bedtime|am|pm|daily) (?:stack|supplements|supps|vitamins|pills|meds)|all (?:of )?(?:my|the)|everything|my (?:whole |entire |usual |daily )?(?:morning |evening |night(?:ly)? |bedtime |daily |am |pm )?(?:supplements|supps|stack|vitamins|pills|meds|everything)|the (?:whole |usual )?stack|all (?:my )?(?:supplements|supps|vitamins|pills))\b/;
const HABIT_ONLY = /\b(?:i take|i'?m taking|i am taking)\b/;

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

function excludedKeys(text: string): Set<string> {
  // Supplements named in a clause that denies, imagines or is about someone else: never written.
  const excluded = new Set<string>();
  const included = new Set<string>();
  for (const clause of analyseIntent(text).clauses) {
    const keys = findMentions(clause.text).map((mention) => mention.key);
    if (clause.reportsAction) keys.forEach((key) => included.add(key));
    else if (clause.negated || clause.hypothetical || clause.thirdPerson) keys.forEach((key) => excluded.add(key));
  }
  for (const key of included) excluded.delete(key);
  return excluded;
}

/** The clauses that report something, joined; null when the analysis found no clause to drop. */
function reportingText(text: string): string | null {
  const clauses = analyseIntent(text).clauses;
  const reporting = clauses.filter(
    (clause) => clause.reportsAction || !(clause.negated || clause.hypothetical || clause.thirdPerson),
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
  const asksList = LIST.test(lower) || LIST_WEAK.test(lower);
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

function noWriteAnswer(input: PlanInput, lower: string, mentions: Mention[]): Plan | null {
  const intent = analyseIntent(input.text);
  if (intent.reportsAction) return null;
  const first = mentions[0];
  const name = first === undefined ? null : first.said;
  const lowered = name === null ? "it" : name.replace(/^(?:my|the)\s+/i, "");
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
    const plan = !intent.question && FUTURE_PLAN.test(lower);
    const resumeOn = PAUSE.test(lower) ? pauseResumeOn(lower, isoDate(input.now)) : null;
    if (plan && name !== null && resumeOn !== null) {
      // "pause fish oil until next Monday" reads as a plan to the write guard; the same pause said
      // as a length is a plain instruction, so offer that wording.
      const days = Math.round(
        (Date.parse(`${resumeOn}T00:00:00Z`) - Date.parse(`${isoDate(input.now)}T00:00:00Z`)) / 86_400_000,
      );
      return {
        kind: "answer",
        text: `Nothing is paused yet. To pause ${lowered} from today, say "pause ${lowered} for ${days} day${days === 1 ? "" : "s"}" and it'll be back on ${resumeOn}.`,
      };
    }
    const change =
      /\b(?:stop|stopping|quit|quitting|pause|pausing|switch|switching|resume|resuming|change|changing)\b/.exec(lower);
    if (plan && name !== null && change !== null) {
      const verb = change[0]
        .replace(/(?:ping|ing)$/, "")
        .replace(/^paus$/, "pause")
        .replace(/^resum$/, "resume")
        .replace(/^chang$/, "change");
      return {
        kind: "answer",
        text: `Okay, nothing changed yet. When you do, tell me (e.g. "${verb} ${lowered}") and I'll update your protocol.`,
      };
    }
    if (plan && name !== null && !/\b(?:start|starting|begin|beginning|add|adding|try|trying)\b/.test(lower)) {
      return {
        kind: "answer",
        text: `Okay! Nothing logged yet: tell me once you've taken ${lowered} and I'll tick it off.`,
      };
    }
    if (plan && name !== null) {
      return {
        kind: "answer",
        text: `Sounds like a plan. I haven't saved anything yet: once you've started, tell me (e.g. "started ${lowered}${describeDoseHint(input.text)}") and I'll add it to your protocol and track it.`,
      };
    }
    return { kind: "answer", text: adviceFor(lower, first?.supplement?.key ?? null, name) };
  }
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
  if (
    PAUSE.test(lower) ||
    (PAUSE_WITH_PERIOD.test(lower) && resumeOn !== null && !/\b(?:took|taken|popped|had)\b/.test(lower))
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
    const restates =
      /\b(?:now (?:i )?(?:take|taking)|(?:i am|i'm) now taking|from now on|going forward)\b/.test(lower) &&
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

function createPlan(input: PlanInput, lower: string, mentions: Mention[]): Plan | null {
  if (!input.tools.has("create_protocol")) return null;
  const schedule = parseSchedule(input.text, input.now);
  const items = uniqueMentions(mentions);
  const doses = dosesForMentions(input.text, items);
  const anyDose = doses.some((dose) => dose !== undefined);
  const creates = CREATE.test(lower);
  // "fish oil with dinner" is an intake at dinner; "fish oil with dinner every day" is a routine.
  const scheduled = hasSchedule(schedule) && soundsRecurring(lower);
  if (!creates && !scheduled) return null;
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
  const startDate = startDateOf(input.text, input.now);
  const parts = segments(input.text, items);
  const calls = items.map((mention, index) => {
    const own = parseSchedule(parts[index]!, input.now);
    const chosen = hasSchedule(own) ? { ...schedule, ...own } : schedule;
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
  let items = uniqueMentions(mentions);
  if (items.length === 0 && /\b(?:it|them|both|those|these)\b/.test(lower)) {
    // "took them": the supplements of the user's previous message.
    for (const earlier of input.earlierUserMessages.toReversed()) {
      const found = uniqueMentions(findMentions(earlier));
      if (found.length > 0) {
        items = found.map((mention) => ({ ...mention, start: 0, end: 0 }));
        break;
      }
    }
  }
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

/** What to do with the user's message. */
export function planMessage(input: PlanInput): Plan {
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
  const refusal = noWriteAnswer(input, lower, mentions);
  if (refusal !== null) return refusal;

  const excluded = excludedKeys(input.text);
  const writable = mentions.filter((mention) => !excluded.has(mention.key));
  // Verbs count only in clauses that report something: in "took my creatine, going to start fish
  // oil tomorrow" the "start" belongs to a plan, so this is an intake, not a new item.
  const verbs = reportingText(input.text) ?? lower;
  const plan =
    updatePlan(input, verbs, writable) ?? createPlan(input, verbs, writable) ?? intakePlan(input, verbs, writable);
  if (plan !== null) return plan;
  if (mentions.length > 0 && input.tools.has("list_protocols"))
    return { kind: "calls", calls: [call("list_protocols", { status: "all" })], notes: [] };
  return { kind: "answer", text: HELP };
}
