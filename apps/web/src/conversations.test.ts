import { describe, expect, it } from "vitest";
import {
  forgetConversation,
  listConversations,
  rememberConversation,
  requestIdOfMessage,
  shortTitle,
} from "./conversations.ts";

class MemoryStorage implements Storage {
  private values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

describe("conversation history", () => {
  it("keeps the most recent first, the first message as title, and users apart", () => {
    const storage = new MemoryStorage();
    rememberConversation("alex", "c1", "I had oats for breakfast", "2026-01-01T08:00:00Z", storage);
    rememberConversation("alex", "c2", "Squatted 5x5", "2026-01-01T09:00:00Z", storage);
    rememberConversation("alex", "c1", "and a coffee", "2026-01-01T10:00:00Z", storage);
    rememberConversation("sam", "c9", "hello", "2026-01-01T10:00:00Z", storage);
    expect(listConversations("alex", storage)).toEqual([
      { id: "c1", title: "I had oats for breakfast", updatedAt: "2026-01-01T10:00:00Z" },
      { id: "c2", title: "Squatted 5x5", updatedAt: "2026-01-01T09:00:00Z" },
    ]);
    expect(forgetConversation("alex", "c1", storage).map((entry) => entry.id)).toEqual(["c2"]);
    expect(listConversations("sam", storage).map((entry) => entry.id)).toEqual(["c9"]);
  });

  it("survives a corrupted store", () => {
    const storage = new MemoryStorage();
    storage.setItem("ensemble.conversations.alex", "{not json");
    expect(listConversations("alex", storage)).toEqual([]);
    storage.setItem(
      "ensemble.conversations.alex",
      JSON.stringify([{ id: 1 }, { id: "ok", title: "t", updatedAt: "u" }]),
    );
    expect(listConversations("alex", storage)).toEqual([{ id: "ok", title: "t", updatedAt: "u" }]);
  });

  it("shortens long titles on a word-ish boundary", () => {
    expect(shortTitle("  a   b  ")).toBe("a b");
    expect(shortTitle("x".repeat(60), 10)).toBe(`${"x".repeat(9)}…`);
    expect(shortTitle("")).toBe("Photo");
  });

  it("finds the request id inside a stored assistant message id, for user ids with colons too", () => {
    expect(requestIdOfMessage("alex:1f2e-33:assistant", "alex")).toBe("1f2e-33");
    expect(requestIdOfMessage("a:b:key-1:assistant", "a:b")).toBe("key-1");
    expect(requestIdOfMessage("alex:1f2e-33:user", "alex")).toBeNull();
    expect(requestIdOfMessage("sam:1f2e-33:assistant", "alex")).toBeNull();
  });
});
