import { describe, expect, it } from "vitest";
import { type ApiOptions, createApi, readChatResponse } from "./client.ts";
import { ApiError, describeError, errorFromResponse, parseRetryAfter } from "./errors.ts";

const reply = {
  reply: "Logged lunch.",
  conversationId: "c1",
  route: { path: "specialist", domains: ["meal"], confidence: 0.93 },
  toolCalls: [{ name: "log_meal", domain: "meal", arguments: {}, ok: true }],
  usage: { inputTokens: 10, outputTokens: 5, costUsd: 0, byModel: {}, byTask: {} },
  trace: { requestId: "r1", configHash: "h", spans: [] },
};

function sse(events: [string, unknown][]): Response {
  const body = events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join("");
  return new Response(body, { headers: { "Content-Type": "text/event-stream" } });
}

function api(
  respond: (url: string, init: RequestInit) => Response | Promise<Response>,
  extra: Partial<ApiOptions> = {},
) {
  const calls: { url: string; init: RequestInit }[] = [];
  const client = createApi({
    token: () => "t0k3n",
    fetch: async (input, init = {}) => {
      calls.push({ url: String(input), init });
      return respond(String(input), init);
    },
    ...extra,
  });
  return { client, calls };
}

describe("errors", () => {
  it("reads the gateway's envelope, request id and Retry-After", async () => {
    const response = Response.json(
      { error: { code: "rate_limited", message: "Too many requests; slow down a little.", requestId: "abc" } },
      { status: 429, headers: { "Retry-After": "42" } },
    );
    const error = await errorFromResponse(response);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", requestId: "abc", retryAfterSeconds: 42 });
    expect(error.isRateLimited).toBe(true);
    expect(describeError(error)).toBe("Slow down a little: retry in 42 s.");
  });

  it("reports a body that is not the envelope by its status", async () => {
    const error = await errorFromResponse(
      new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    expect(error).toMatchObject({ status: 502, code: "bad_response", message: "The server answered 502 Bad Gateway" });
  });

  it("parses Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("createApi", () => {
  it("sends the bearer token and reports a 401 once through onUnauthorized", async () => {
    const refused: ApiError[] = [];
    const { client, calls } = api(
      () =>
        Response.json({ error: { code: "unauthorized", message: "Invalid token: token expired." } }, { status: 401 }),
      {
        onUnauthorized: (error) => refused.push(error),
      },
    );
    await expect(client.getSummary("2026-01-02")).rejects.toMatchObject({ status: 401 });
    expect(new Headers(calls[0]!.init.headers).get("Authorization")).toBe("Bearer t0k3n");
    expect(calls[0]!.url).toBe("/v1/summary?date=2026-01-02");
    expect(refused.map((error) => error.message)).toEqual(["Invalid token: token expired."]);
  });

  it("treats a 404 profile as no profile yet, and a 404 on checkToken as an accepted token", async () => {
    const { client, calls } = api(() =>
      Response.json({ error: { code: "not_found", message: "No profile yet" } }, { status: 404 }),
    );
    expect(await client.getProfile()).toBeNull();
    await expect(client.checkToken("other")).resolves.toBeUndefined();
    expect(new Headers(calls[1]!.init.headers).get("Authorization")).toBe("Bearer other");
  });

  it("turns a failed fetch into an offline error when the browser is offline", async () => {
    const { client } = api(
      () => {
        throw new TypeError("Failed to fetch");
      },
      { isOnline: () => false },
    );
    await expect(client.getSummary("2026-01-02")).rejects.toMatchObject({ code: "offline", status: 0 });
  });

  it("streams a chat reply: route, tools and tokens reach the handlers, done is the result", async () => {
    const { client, calls } = api(() =>
      sse([
        ["route", reply.route],
        ["tool", reply.toolCalls[0]],
        ["token", "Logged "],
        ["token", "lunch."],
        ["done", reply],
      ]),
    );
    const seen: string[] = [];
    const result = await client.chat(
      { message: "I had lunch", idempotencyKey: "key-1", conversationId: "c1" },
      {
        onRoute: (route) => seen.push(`route:${route.path}`),
        onTool: (call) => seen.push(`tool:${call.name}`),
        onToken: (text) => seen.push(text),
      },
    );
    expect(result.reply).toBe("Logged lunch.");
    expect(seen).toEqual(["route:specialist", "tool:log_meal", "Logged ", "lunch."]);
    const headers = new Headers(calls[0]!.init.headers);
    expect(headers.get("Idempotency-Key")).toBe("key-1");
    expect(headers.get("Accept")).toBe("text/event-stream");
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ message: "I had lunch", conversationId: "c1" });
  });

  it("passes a reset on, so text streamed before a retry is cleared", async () => {
    const { client } = api(() =>
      sse([
        ["token", "Let me "],
        ["reset", {}],
        ["token", "Logged lunch."],
        ["done", reply],
      ]),
    );
    let shown = "";
    await client.chat(
      { message: "I had lunch", idempotencyKey: "key-2" },
      { onToken: (text) => (shown += text), onReset: () => (shown = "") },
    );
    expect(shown).toBe("Logged lunch.");
  });

  it("sends a photo as multipart with the message and conversation", async () => {
    const { client, calls } = api(() => sse([["done", reply]]));
    await client.chat({
      message: "lunch",
      image: new File([new Uint8Array([0xff, 0xd8])], "plate.jpg", { type: "image/jpeg" }),
      idempotencyKey: "k",
      conversationId: "c1",
    });
    const form = calls[0]!.init.body as FormData;
    expect(form.get("message")).toBe("lunch");
    expect(form.get("conversationId")).toBe("c1");
    expect((form.get("image") as File).name).toBe("plate.jpg");
    expect(new Headers(calls[0]!.init.headers).get("Content-Type")).toBeNull();
  });

  it("throws the stream's error event with the status its code stands for", async () => {
    const { client } = api(() =>
      sse([
        ["route", reply.route],
        ["error", { error: { code: "unavailable", message: "meal is down" } }],
      ]),
    );
    await expect(client.chat({ message: "x", idempotencyKey: "k" })).rejects.toMatchObject({
      status: 503,
      code: "unavailable",
      message: "meal is down",
    });
  });

  it("says the reply was cut off when the stream ends without done", async () => {
    const { client } = api(() => sse([["token", "Logged "]]));
    await expect(client.chat({ message: "x", idempotencyKey: "k" })).rejects.toMatchObject({ code: "network" });
  });
});

describe("readChatResponse", () => {
  it("accepts the JSON the gateway replays for a repeated Idempotency-Key", async () => {
    const tokens: string[] = [];
    const result = await readChatResponse(Response.json(reply), { onToken: (text) => tokens.push(text) });
    expect(result.conversationId).toBe("c1");
    expect(tokens).toEqual(["Logged lunch."]);
  });
});
