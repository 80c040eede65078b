// A specialist that crashes (the protocol Worker fails every message in this configuration) seen
// from a streaming client and from a client that retries: the stream ends with an error event that
// says what happened, and a failed turn is not stored, so a retry with the same key is a new attempt.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, chat, uniqueUser } from "../helpers.ts";

async function rows(table: string, userId: string): Promise<number> {
  return (await env.DB.prepare(`SELECT count(*) AS rows FROM ${table} WHERE user_id = ?`)
    .bind(userId)
    .first<{ rows: number }>())!.rows;
}

describe("a crashed specialist", () => {
  it("ends a stream with an error event, not a broken connection or an internal error", async () => {
    const user = uniqueUser("stream-down");
    const response = await call(user, "/v1/chat", {
      method: "POST",
      json: { message: "took my creatine this morning" },
      headers: { Accept: "text/event-stream" },
    });
    expect(response.headers.get("Content-Type")).toContain("text/event-stream");
    const text = await response.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(events[0]).toBe("route");
    expect(events.at(-1)).toBe("error");
    expect(events).not.toContain("done");
    const error = JSON.parse(/event: error\ndata: (.*)\n/.exec(text)![1]!) as {
      error: { code: string; message: string };
    };
    expect(error.error.code).toBe("unavailable");
    expect(error.error.message.length).toBeGreaterThan(10);
    expect(await rows("traces", user)).toBe(0);
  });

  it("stores nothing for a failed turn, so a retry with the same key tries again instead of replaying", async () => {
    const user = uniqueUser("retry-down");
    const headers = { "Idempotency-Key": "creatine-1" };
    const first = await chat(user, "took my creatine this morning", {}, headers);
    expect(first.status).toBe(503);
    for (const table of ["conversations", "messages", "traces"]) expect(await rows(table, user), table).toBe(0);
    const second = await chat(user, "took my creatine this morning", {}, headers);
    // Still down, and still answered afresh (a replay would be a 200 with the first body).
    expect(second.status).toBe(503);
    expect(second.body.error.requestId).toBe("creatine-1");
  });
});
