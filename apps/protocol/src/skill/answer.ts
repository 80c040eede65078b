// Turning tool results into the coach's reply, with the real numbers from the results.
import type { AdherenceReport, ItemAdherence, ProtocolItem, ProtocolList } from "@ensemble/contracts";
import type { ChatMessage } from "@ensemble/ai";

export interface Outcome {
  name: string;
  arguments: Record<string, unknown>;
  status: "ok" | "refused" | "error";
  value?: unknown;
  message?: string;
}

/** The results of the latest round of tool calls, matched to the calls that asked for them. */
export function latestOutcomes(messages: ChatMessage[]): Outcome[] {
  let assistantIndex = -1;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role === "assistant" && (message.toolCalls?.length ?? 0) > 0) {
      assistantIndex = index;
      break;
    }
    if (message.role === "user") break;
  }
  if (assistantIndex < 0) return [];
  const assistant = messages[assistantIndex] as Extract<ChatMessage, { role: "assistant" }>;
  const outcomes: Outcome[] = [];
  for (const message of messages.slice(assistantIndex + 1)) {
    if (message.role !== "tool") continue;
    const call = assistant.toolCalls?.find((candidate) => candidate.id === message.toolCallId);
    outcomes.push(readOutcome(message.name, call?.arguments ?? {}, message.content));
  }
  return outcomes;
}

/** Every tool the conversation called since the user's last message. */
export function toolsCalledThisTurn(messages: ChatMessage[]): string[] {
  const names: string[] = [];
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role === "user") break;
    if (message.role === "tool") names.push(message.name);
  }
  return names;
}

function readOutcome(name: string, args: Record<string, unknown>, content: string): Outcome {
  const trimmed = content.trim();
  if (/^refused\b/i.test(trimmed)) return { name, arguments: args, status: "refused", message: trimmed };
  if (/^\{\s*"refused"/.test(trimmed)) return { name, arguments: args, status: "refused", message: trimmed };
  if (/^error\b/i.test(trimmed))
    return {
      name,
      arguments: args,
      status: "error",
      message: trimmed.replace(/^error:\s*/i, "").replace(new RegExp(`^${name} failed:\\s*`), ""),
    };
  const repeated = /^Already done earlier in this conversation turn; not repeated\. Result: ([\s\S]*)$/.exec(trimmed);
  const json = repeated?.[1] ?? trimmed;
  try {
    return { name, arguments: args, status: "ok", value: JSON.parse(json) as unknown };
  } catch {
    return { name, arguments: args, status: "ok", value: json };
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting helpers.

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function shortDate(date: string): string {
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${MONTH_NAMES[month - 1]} ${day}`;
}

function dayWords(date: string, today: string): string {
  if (date === today) return "today";
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  if (date === yesterday) return "yesterday";
  return `on ${shortDate(date)}`;
}

function list(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function lowerName(name: string): string {
  // "Vitamin D" stays capitalised mid-sentence; "Creatine" does not need to be.
  return /^(Vitamin|ZMA|NAC|HMB|BCAA|EAA|CoQ10|L-)/.test(name) ? name : name.toLowerCase();
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

const EXAMPLE_SCHEDULES: Record<string, string> = {
  creatine: "5 g every morning",
  "fish oil": "2 capsules twice a day with meals",
  iron: "65 mg every other day",
  "vitamin b12": "1000 mcg every morning",
  "vitamin d": "2000 IU every morning",
  magnesium: "400 mg before bed",
  melatonin: "1 mg before bed",
  ashwagandha: "600 mg every evening",
  zinc: "25 mg with dinner",
};

function exampleDose(name: string): string {
  return exampleSchedule(name).split(" ").slice(0, 2).join(" ");
}

function exampleSchedule(name: string): string {
  return EXAMPLE_SCHEDULES[name.toLowerCase()] ?? "1 capsule every morning";
}

function statusNote(item: ProtocolItem): string {
  if (item.status === "paused") return item.resumeOn === null ? "paused" : `paused until ${shortDate(item.resumeOn)}`;
  if (item.status === "stopped") return item.stoppedOn === null ? "stopped" : `stopped ${shortDate(item.stoppedOn)}`;
  if (item.asNeeded) return "as needed";
  return "active";
}

// ---------------------------------------------------------------------------------------------
// Replies per tool.

interface LoggedEntry {
  name: string;
  said: string;
  date: string;
  time: string;
  dose: number | null;
  unit: string | null;
  newItem: boolean;
  itemStatus: string;
  note?: string;
  takenThatDay: number;
  scheduledThatDay: number;
}

function replyForIntake(value: { logged: LoggedEntry[] }, today: string): string {
  const entries = value.logged;
  if (entries.length === 0) return "Nothing new to log there.";
  const parts = entries.map((entry) => {
    const dose = entry.dose !== null && entry.unit !== null ? ` (${entry.dose} ${entry.unit})` : "";
    return `${lowerName(entry.name)}${dose}`;
  });
  const days = [...new Set(entries.map((entry) => entry.date))];
  const when =
    days.length === 1
      ? `${dayWords(days[0]!, today)}${entries.every((entry) => entry.time === entries[0]!.time) ? ` at ${entries[0]!.time}` : ""}`
      : "";
  const lines = [`Logged ${list(parts)}${when === "" ? "" : ` ${when}`} ✅`];
  const tallies = entries
    .filter((entry) => entry.scheduledThatDay > 0)
    .map(
      (entry) =>
        `${lowerName(entry.name)} ${Math.min(entry.takenThatDay, entry.scheduledThatDay)} of ${entry.scheduledThatDay} ${entry.scheduledThatDay === 1 ? "dose" : "doses"}`,
    );
  if (tallies.length > 0) {
    const allDone = entries
      .filter((entry) => entry.scheduledThatDay > 0)
      .every((entry) => entry.takenThatDay >= entry.scheduledThatDay);
    lines.push(
      `${days.length === 1 && days[0] === today ? "Today" : "That day"}: ${list(tallies)}${allDone ? " — all done, nice work." : "."}`,
    );
  }
  const newItems = entries.filter((entry) => entry.newItem);
  if (newItems.length > 0) {
    const names = list(newItems.map((entry) => lowerName(entry.name)));
    lines.push(
      `${capitalise(names)} ${newItems.length === 1 ? "wasn't" : "weren't"} in your protocol, so I added ${newItems.length === 1 ? "it as an as-needed item" : "them as as-needed items"} and kept the intake. Tell me the dose and schedule (e.g. "${newItems[0]!.name.toLowerCase()} ${exampleSchedule(newItems[0]!.name)}") to track adherence.`,
    );
  }
  for (const entry of entries) {
    if (entry.itemStatus === "paused")
      lines.push(`Note: ${lowerName(entry.name)} is paused, so this counts as an extra dose.`);
    if (entry.itemStatus === "stopped")
      lines.push(
        `Note: ${lowerName(entry.name)} is stopped in your protocol; say "resume ${entry.name.toLowerCase()}" if you're back on it.`,
      );
  }
  const extra = entries.filter((entry) => entry.scheduledThatDay > 0 && entry.takenThatDay > entry.scheduledThatDay);
  if (extra.length > 0)
    lines.push(
      `Heads up: that's more ${list(extra.map((entry) => lowerName(entry.name)))} than scheduled for the day.`,
    );
  return lines.join("\n");
}

function replyForCreate(
  value: { created: boolean; updatedExisting?: boolean; wasAsNeeded?: boolean; previous?: string; item: ProtocolItem },
  today: string,
  notes: string[],
): string {
  const item = value.item;
  const starts =
    item.startDate === today
      ? "starting today"
      : item.startDate > today
        ? `starting ${shortDate(item.startDate)}`
        : `since ${shortDate(item.startDate)}`;
  let text: string;
  if (value.created) text = `Added ${lowerName(item.name)}: ${item.description}, ${starts}.`;
  else if (value.wasAsNeeded)
    text = `${item.name} is now on your schedule: ${item.description} (your earlier intakes are kept).`;
  else text = `You already had ${lowerName(item.name)} (${value.previous}), so I updated it: ${item.description}.`;
  if (item.dose === null)
    text += ` How much do you take per dose? Tell me e.g. "change ${item.name.toLowerCase()} to ${exampleDose(item.name)}".`;
  for (const note of notes) text += ` ${note}`;
  if (value.created) text += ` Just tell me when you've taken it and I'll keep track.`;
  return text;
}

function replyForUpdate(
  value: Record<string, unknown> & { item: ProtocolItem },
  today: string,
  notes: string[],
): string {
  const item = value.item;
  const name = lowerName(item.name);
  switch (value.action) {
    case "change":
      return `Updated ${name}: ${value.previous} → ${item.description}, from ${value.effectiveFrom === today ? "today" : shortDate(String(value.effectiveFrom))}.${notes.map((note) => ` ${note}`).join("")}`;
    case "pause": {
      const resumeOn = value.resumeOn as string | null;
      if (resumeOn === null)
        return `Paused ${name} from today until you tell me to resume it. Paused days won't count as missed.`;
      return `Paused ${name} for ${value.pausedDays} days: back on it ${shortDate(resumeOn)}. Those days won't count as missed.`;
    }
    case "resume":
      if (value.alreadyActive === true) return `${item.name} is already active: ${item.description}.`;
      return `${item.name} is back on: ${item.description}, due again from today.`;
    default:
      if (value.alreadyStopped === true) return `${item.name} was already stopped.`;
      return `Stopped ${name} from today. Your history stays; say "resume ${item.name.toLowerCase()}" if you go back on it.`;
  }
}

function replyForList(value: ProtocolList): string {
  if (value.items.length === 0)
    return 'You have no supplements in your protocol yet. Add one like "creatine 5 g every morning".';
  const lines = value.items.map(
    (item) =>
      `• ${item.name}: ${item.description}${item.asNeeded && item.status === "active" ? "" : ` (${statusNote(item)})`}`,
  );
  const active = value.counts.active;
  return [
    `Your supplements (${active} active${value.counts.paused > 0 ? `, ${value.counts.paused} paused` : ""}${value.counts.stopped > 0 ? `, ${value.counts.stopped} stopped` : ""}):`,
    ...lines,
  ].join("\n");
}

function itemLine(item: ItemAdherence, single: boolean): string {
  if (item.asNeeded)
    return `• ${item.name}: taken ${item.taken + item.extra} time${item.taken + item.extra === 1 ? "" : "s"} (as needed)`;
  const due = item.scheduled - item.pending;
  const percent = item.percent === null ? "" : ` (${item.percent}%)`;
  let line = `${single ? "" : "• "}${item.name}: ${item.taken} of ${due} ${due === 1 ? "dose" : "doses"}${percent}`;
  if (item.missedDoses.length > 0) {
    // One entry per day, newest four: "Nov 11 (2 doses)", "Nov 12 evening".
    const days = new Map<string, string[]>();
    for (const dose of item.missedDoses) days.set(dose.date, [...(days.get(dose.date) ?? []), dose.slot]);
    const shown = [...days.entries()].slice(-4).map(([date, slots]) => {
      const named = slots.filter((slot) => !/^dose \d/.test(slot)).map((slot) => slot.replace("_", " "));
      if (named.length === slots.length) return `${shortDate(date)} ${named.join(" & ")}`;
      return slots.length > 1 ? `${shortDate(date)} (${slots.length} doses)` : shortDate(date);
    });
    const hidden = [...days.keys()].length - shown.length;
    line += `, missed ${shown.join(", ")}${hidden > 0 ? ` (and ${hidden} more day${hidden === 1 ? "" : "s"})` : ""}`;
  }
  if (item.pending > 0) line += `, ${item.pending} still due today`;
  if (item.pausedDays > 0) line += `, paused ${item.pausedDays} day${item.pausedDays === 1 ? "" : "s"}`;
  return line;
}

function replyForAdherence(value: AdherenceReport): string {
  const period =
    value.from === value.to
      ? value.from === value.today
        ? "Today"
        : shortDate(value.from)
      : `${shortDate(value.from)}–${shortDate(value.to)}`;
  if (value.items.length === 0) return `${period}: no supplements were scheduled or logged.`;
  const totals = value.totals;
  const due = totals.scheduled - totals.pending;
  if (value.from === value.to && value.from === value.today) {
    const done = value.items
      .filter((item) => !item.asNeeded && item.scheduled > 0 && item.pending === 0)
      .map((item) => lowerName(item.name));
    const left = value.items
      .filter((item) => item.pending > 0)
      .map((item) => `${lowerName(item.name)}${item.pending > 1 ? ` (${item.pending} doses)` : ""}`);
    const extra = value.items
      .filter((item) => item.scheduled === 0 && item.taken + item.extra > 0)
      .map((item) => lowerName(item.name));
    const lines = [`Today: ${totals.taken} of ${totals.scheduled} scheduled doses taken.`];
    if (done.length > 0) lines.push(`Done: ${list(done)}.`);
    if (left.length > 0) lines.push(`Still to take: ${list(left)}.`);
    if (extra.length > 0) lines.push(`Also logged: ${list(extra)}.`);
    if (left.length === 0 && totals.scheduled > 0) lines.push("All done for today 💪");
    return lines.join("\n");
  }
  const lines =
    value.items.length === 1
      ? [`${period} — ${itemLine(value.items[0]!, true)}.`]
      : [
          totals.percent === null
            ? `${period}: nothing was due.`
            : `${period}: ${totals.taken} of ${due} scheduled doses taken (${totals.percent}%).`,
          ...value.items.map((item) => itemLine(item, false)),
        ];
  const percent = totals.percent;
  if (percent !== null)
    lines.push(
      percent >= 90
        ? "Great consistency — keep it going."
        : percent >= 70
          ? "Solid, with a few gaps; tying doses to a meal or your morning routine helps."
          : "Lots of gaps: try linking each dose to something you already do daily, like breakfast or brushing your teeth.",
    );
  return lines.join("\n");
}

/** The reply for a round of tool results. `notes` are extra remarks the plan made (approximations). */
function replyForLastTaken(value: AdherenceReport): string {
  const lines = value.items.map((item) =>
    item.lastTaken === null
      ? `No ${lowerName(item.name)} logged between ${shortDate(value.from)} and ${shortDate(value.to)}.`
      : `You last took ${lowerName(item.name)} ${dayWords(item.lastTaken.date, value.today)} at ${item.lastTaken.time}.`,
  );
  return lines.length === 0 ? "I don't have any supplement intakes logged in that period." : lines.join("\n");
}

export function replyFor(outcomes: Outcome[], today: string, notes: string[] = [], style?: "last-taken"): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === "refused") {
      lines.push(
        "I haven't saved anything: that sounded like a question or a maybe rather than something you did. Tell me once you've actually taken or started it.",
      );
      continue;
    }
    if (outcome.status === "error") {
      lines.push(`I couldn't do that: ${outcome.message ?? "something went wrong"}.`);
      continue;
    }
    const value = outcome.value as never;
    switch (outcome.name) {
      case "log_supplement_intake":
        lines.push(replyForIntake(value, today));
        break;
      case "create_protocol":
        lines.push(replyForCreate(value, today, notes));
        break;
      case "update_protocol":
        lines.push(replyForUpdate(value, today, notes));
        break;
      case "list_protocols":
        lines.push(replyForList(value));
        break;
      case "get_adherence":
        lines.push(style === "last-taken" ? replyForLastTaken(value) : replyForAdherence(value));
        break;
      default:
        lines.push("Done.");
    }
  }
  return [...new Set(lines)].join("\n");
}
