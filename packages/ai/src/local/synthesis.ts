// Merging several specialists' answers into one coach reply. The coordinator sends the same
// messages to whichever model does synthesis, so the format below is the contract for both the
// remote model and the local engine:
//
//   { role: "system", content: <instructions> }
//   { role: "user",   content: <the user's message> }
//   { role: "user",   content: "[meal] Logged 150 g chicken breast: 248 kcal, 46 g protein." }
//   { role: "user",   content: "[protocol] FAILED (timeout): no answer within 20000 ms" }
//
// One message per branch, in the coordinator's branch order, each starting with its domain tag.
import type { ChatMessage } from "../types.ts";

export interface SynthesisBranch {
  domain: string;
  status: "ok" | "failed" | "timeout";
  reply?: string;
  error?: string;
}

export const SYNTHESIS_SYSTEM_PROMPT = [
  "You are a friendly nutrition and training coach.",
  "Several specialists each handled part of the user's message; their answers follow, one per message, tagged with their domain.",
  "Write ONE reply to the user that covers every specialist's answer.",
  "Greet at most once. Keep every number exactly as given. Do not invent anything.",
  "If a specialist FAILED, say plainly which part of the message was not handled yet and that they can send it again.",
].join(" ");

const BRANCH_PATTERN = /^\[([a-z][a-z-]*)\]\s*(?:FAILED \((failed|timeout)\):\s*)?([\s\S]*)$/;

export function synthesisMessages(input: {
  userMessage: string;
  branches: SynthesisBranch[];
  system?: string;
}): ChatMessage[] {
  return [
    { role: "system", content: input.system ?? SYNTHESIS_SYSTEM_PROMPT },
    { role: "user", content: input.userMessage },
    ...input.branches.map((branch): ChatMessage => ({
      role: "user",
      content:
        branch.status === "ok"
          ? `[${branch.domain}] ${branch.reply ?? ""}`.trimEnd()
          : `[${branch.domain}] FAILED (${branch.status}): ${branch.error ?? "no answer"}`,
    })),
  ];
}

/** The inverse of synthesisMessages; messages that do not follow the format are ignored. */
export function parseSynthesisMessages(messages: ChatMessage[]): { userMessage: string; branches: SynthesisBranch[] } {
  let userMessage = "";
  const branches: SynthesisBranch[] = [];
  for (const message of messages) {
    if (message.role !== "user") continue;
    const text =
      typeof message.content === "string"
        ? message.content
        : message.content.map((part) => (part.type === "text" ? part.text : "")).join(" ");
    const match = BRANCH_PATTERN.exec(text.trim());
    if (!match) {
      if (!userMessage) userMessage = text.trim();
      continue;
    }
    const [, domain, failedStatus, rest] = match;
    if (failedStatus === "failed" || failedStatus === "timeout") {
      branches.push({ domain: domain!, status: failedStatus, error: rest!.trim() });
    } else {
      branches.push({ domain: domain!, status: "ok", reply: rest!.trim() });
    }
  }
  return { userMessage, branches };
}

/** What a failed branch could not do, in words the user knows. */
const DOMAIN_LABELS: Record<string, string> = {
  meal: "meal log",
  protocol: "supplement tracker",
  "metrics-workout": "training and body-metrics log",
  general: "coach notes",
};

// Greetings and sign-offs are what repeats when three specialists each answer politely. Only
// short sentences without a digit count as one: numbers are the content and are never dropped.
const GREETING_WORDS =
  "hi|hey|hello|great|nice|awesome|good job|good work|well done|thanks|thank you|got it|sure|perfect|excellent|sounds good|good morning|good evening";
const GREETING_ONLY = new RegExp(`^(${GREETING_WORDS})\\b`, "i");
const GREETING_PREFIX = new RegExp(`^(${GREETING_WORDS})( there)?[,!]\\s+`, "i");
const CLOSER =
  /^(let me know|anything else|feel free|keep (it )?up|keep going|hope (this|that) helps|have a (great|good)|happy to help)\b/i;

function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter(Boolean).length;
}

function splitSentences(text: string): string[] {
  // Split only where end punctuation is followed by a space, so "2.5 g" stays one number.
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter(Boolean);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentenceKey(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type Classify = (text: string) => { domain: string };

/**
 * One reply from several branch replies: one greeting, one sign-off, each branch's content once
 * (repeated sentences dropped), every number kept, and a plain note for each failed branch.
 */
export function mergeBranchReplies(userMessage: string, branches: SynthesisBranch[], classify?: Classify): string {
  let opener: string | undefined;
  let closer: string | undefined;
  const seen = new Set<string>();
  const paragraphs: string[] = [];

  for (const branch of branches) {
    if (branch.status !== "ok" || !branch.reply?.trim()) continue;
    // Line by line, so a specialist's list ("- protein 46 g") keeps its shape.
    const lines: string[] = [];
    for (const line of branch.reply.split("\n")) {
      const kept: string[] = [];
      for (let sentence of splitSentences(line)) {
        const hasNumber = /\d/.test(sentence);
        if (!hasNumber && wordCount(sentence) <= 4 && GREETING_ONLY.test(sentence)) {
          opener ??= sentence;
          continue;
        }
        if (!hasNumber && wordCount(sentence) <= 10 && CLOSER.test(sentence)) {
          closer = sentence;
          continue;
        }
        // "Great, I logged your chicken." -> keep the greeting once, keep the content always.
        const prefix = GREETING_PREFIX.exec(sentence);
        if (prefix) {
          opener ??= prefix[0].trim().replace(/,$/, "!");
          sentence = capitalise(sentence.slice(prefix[0].length));
        }
        const key = sentenceKey(sentence);
        if (key && seen.has(key)) continue;
        seen.add(key);
        kept.push(sentence);
      }
      if (kept.length > 0) lines.push(kept.join(" "));
    }
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
  }

  const failures = branches
    .filter((branch) => branch.status !== "ok")
    .map((branch) => failureNote(userMessage, branch.domain, classify));
  if (paragraphs.length === 0 && failures.length > 0) {
    return ["Sorry, something went wrong on my side.", ...failures].join(" ");
  }
  const parts = [...paragraphs, ...failures];
  if (opener && parts.length > 0) parts[0] = `${opener} ${parts[0]}`;
  if (closer) parts.push(closer);
  return parts.join("\n\n");
}

function failureNote(userMessage: string, domain: string, classify: Classify | undefined): string {
  const label = DOMAIN_LABELS[domain] ?? `${domain} specialist`;
  const part = classify ? clauseFor(userMessage, domain, classify) : undefined;
  if (!part)
    return `I couldn't reach the ${label} just now, so that part of your message isn't handled yet. Send it again in a minute.`;
  const isQuestion =
    part.endsWith("?") || /^(what|how|when|which|why|can|could|should|do|does|did|is|are|am)\b/i.test(part);
  return isQuestion
    ? `I couldn't reach the ${label} just now, so I can't answer "${part}" yet. Ask me again in a minute.`
    : `I couldn't reach the ${label} just now, so "${part}" isn't logged yet. Send it again in a minute and I'll log it.`;
}

// The user's words that belong to one domain: split the message at clause boundaries, classify
// each clause, and glue neighbouring clauses of the same domain back together ("chicken and rice").
function clauseFor(userMessage: string, domain: string, classify: Classify): string | undefined {
  const pieces = userMessage.split(/(,|;|\.\s|!\s|\?\s|\band then\b|\band\b|\bthen\b|\balso\b|\bplus\b)/i);
  const groups: { domain: string; text: string }[] = [];
  for (let index = 0; index < pieces.length; index += 2) {
    const text = pieces[index]!.trim();
    if (!text) continue;
    const separator = index > 0 ? pieces[index - 1]! : "";
    const clauseDomain = classify(text).domain;
    const last = groups.at(-1);
    if (last && last.domain === clauseDomain) {
      last.text = `${last.text}${/^[,;.!?]/.test(separator) ? separator.trim() : ` ${separator.trim()}`} ${text}`;
    } else {
      groups.push({ domain: clauseDomain, text });
    }
  }
  return groups.find((group) => group.domain === domain)?.text.replace(/[.!]+$/, "");
}
