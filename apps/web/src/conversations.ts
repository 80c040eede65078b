// The user's recent conversations, remembered in this browser so they can be reopened: the
// gateway has GET /v1/conversations/:id but no list of a user's conversations.

export interface ConversationEntry {
  id: string;
  /** The first message, shortened. */
  title: string;
  updatedAt: string;
}

const LIMIT = 20;

function key(userId: string): string {
  return `ensemble.conversations.${userId}`;
}

export function listConversations(userId: string, storage: Storage = localStorage): ConversationEntry[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(key(userId)) ?? "[]");
    if (!Array.isArray(value)) return [];
    return value.filter(
      (entry): entry is ConversationEntry =>
        typeof entry === "object" &&
        entry !== null &&
        typeof entry.id === "string" &&
        typeof entry.title === "string" &&
        typeof entry.updatedAt === "string",
    );
  } catch {
    return [];
  }
}

/** Records activity in a conversation: most recent first, the title kept from its first message. */
export function rememberConversation(
  userId: string,
  id: string,
  firstMessage: string,
  now: string,
  storage: Storage = localStorage,
): ConversationEntry[] {
  const entries = listConversations(userId, storage);
  const existing = entries.find((entry) => entry.id === id);
  const title = existing?.title ?? shortTitle(firstMessage);
  const next = [{ id, title, updatedAt: now }, ...entries.filter((entry) => entry.id !== id)].slice(0, LIMIT);
  storage.setItem(key(userId), JSON.stringify(next));
  return next;
}

export function forgetConversation(userId: string, id: string, storage: Storage = localStorage): ConversationEntry[] {
  const next = listConversations(userId, storage).filter((entry) => entry.id !== id);
  storage.setItem(key(userId), JSON.stringify(next));
  return next;
}

export function shortTitle(message: string, length = 48): string {
  const words = message.replace(/\s+/g, " ").trim() || "Photo";
  return words.length <= length ? words : `${words.slice(0, length - 1).trimEnd()}…`;
}

/**
 * The public request id of a stored assistant message, for its trace. The gateway stores message
 * ids as `<userId>:<requestId>:assistant`; GET /v1/traces/:requestId wants the middle part.
 */
export function requestIdOfMessage(messageId: string, userId: string): string | null {
  const prefix = `${userId}:`;
  const suffix = ":assistant";
  if (!messageId.startsWith(prefix) || !messageId.endsWith(suffix)) return null;
  const requestId = messageId.slice(prefix.length, -suffix.length);
  return requestId === "" ? null : requestId;
}
