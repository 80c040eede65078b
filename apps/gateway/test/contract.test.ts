// Every response of the public API matches the zod schema it is published with (GET /openapi.json
// is generated from the same schemas): a response that drifts from the contract fails here.
import {
  chatResponseSchema,
  conversationListSchema,
  conversationSchema,
  errorEnvelopeSchema,
  storedProfileSchema,
} from "@ensemble/contracts";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { call, uniqueUser } from "./helpers.ts";

async function matches(response: Response, schema: z.ZodType, status = 200): Promise<unknown> {
  expect(response.status).toBe(status);
  const body: unknown = await response.json();
  const parsed = schema.safeParse(body);
  expect(parsed.success ? "matches" : JSON.stringify(parsed.error.issues)).toBe("matches");
  return body;
}

const PROFILE = { sex: "male", age: 41, heightCm: 176, weightKg: 88, activityLevel: "light", goal: "lose" };

describe("responses match their published schemas", () => {
  it("chat on every path, and the SSE done event", async () => {
    const user = uniqueUser("contract");
    await matches(await call(user, "/v1/profile", { method: "PUT", json: PROFILE }), storedProfileSchema);
    for (const message of [
      "had a tuna sandwich for lunch",
      "took my fish oil and ran 5k",
      "how long should I rest between sets?",
      "what did I eat today?",
    ])
      await matches(await call(user, "/v1/chat", { method: "POST", json: { message } }), chatResponseSchema);
    const streamed = await call(user, "/v1/chat", {
      method: "POST",
      json: { message: "a banana" },
      headers: { Accept: "text/event-stream" },
    });
    const done = /event: done\ndata: (.*)\n/.exec(await streamed.text());
    expect(chatResponseSchema.safeParse(JSON.parse(done![1]!)).success).toBe(true);
  });

  it("profile, conversations and a conversation", async () => {
    const user = uniqueUser("contract-reads");
    await call(user, "/v1/profile", { method: "PUT", json: PROFILE });
    await matches(await call(user, "/v1/profile"), storedProfileSchema);
    const chat = (await matches(
      await call(user, "/v1/chat", { method: "POST", json: { message: "two eggs for breakfast" } }),
      chatResponseSchema,
    )) as z.infer<typeof chatResponseSchema>;
    const list = (await matches(await call(user, "/v1/conversations"), conversationListSchema)) as z.infer<
      typeof conversationListSchema
    >;
    expect(list.conversations.map((conversation) => conversation.id)).toContain(chat.conversationId);
    await matches(await call(user, `/v1/conversations/${chat.conversationId}`), conversationSchema);
  });

  it("errors, whatever the status", async () => {
    const user = uniqueUser("contract-errors");
    const codes = [];
    for (const [path, init, status] of [
      ["/v1/profile", {}, 404],
      ["/v1/chat", { method: "POST", json: { message: "" } }, 400],
      ["/v1/meals?date=2026-02-30", {}, 400],
      ["/v1/nothing-here", {}, 404],
    ] as const) {
      const body = (await matches(await call(user, path, init), errorEnvelopeSchema, status)) as z.infer<
        typeof errorEnvelopeSchema
      >;
      codes.push(body.error.code);
    }
    expect(codes).toEqual(["not_found", "bad_request", "bad_request", "not_found"]);
  });
});
