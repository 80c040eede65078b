// The public HTTP API. Every request under /v1 is authenticated, rate limited and validated with
// zod; every failure leaves through app.onError as the one JSON error envelope.
import { summariseUsage } from "@ensemble/ai";
import { configHash } from "@ensemble/model-config";
import {
  type ChatResponseBody,
  MAX_JSON_BODY_BYTES,
  MAX_IMAGE_BYTES,
  type Domain,
  chatRequestSchema,
  domainSchema,
  errorResponse,
  isoDateSchema,
  profileSchema,
} from "@ensemble/contracts";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { verifyToken } from "./auth.ts";
import { devSignIn } from "./dev-sign-in.ts";
import { DispatchError, type DispatchEvents, dispatch } from "./dispatch.ts";
import { startFoodPrefetch } from "./food-prefetch.ts";
import { healthOfAllWorkers } from "./health.ts";
import { HttpError } from "./http-errors.ts";
import { type AcceptedImage, checkImage, decodeDataUrl } from "./image.ts";
import { openApiDocument, docsPage } from "./openapi.ts";
import * as storage from "./storage.ts";
import { computeTargets } from "./targets.ts";

type Variables = { userId: string; requestId: string };
import type { Bindings } from "./env.ts";
export const app = new Hono<{ Bindings: Bindings; Variables: Variables }>();

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

app.use("*", async (context, next) => {
  const key = context.req.header("Idempotency-Key");
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError("bad_request", "Idempotency-Key must be 1-100 characters of letters, digits, _ . : -");
  }
  context.set("requestId", key ?? crypto.randomUUID());
  await next();
  context.header("X-Request-Id", context.get("requestId"));
});

app.get("/health", async (context) => {
  const report = await healthOfAllWorkers(context.env);
  return context.json(report, report.ok ? 200 : 503);
});
app.get("/openapi.json", (context) => context.json(openApiDocument()));
app.get("/docs", (context) => context.html(docsPage()));
app.route("/dev", devSignIn);

app.use("/v1/*", async (context, next) => {
  const header = context.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpError("unauthorized", "Send a token as 'Authorization: Bearer <JWT>'.");
  if (!context.env.AUTH_SECRET) throw new HttpError("internal", "AUTH_SECRET is not configured on the gateway.");
  const check = await verifyToken(match[1]!, context.env.AUTH_SECRET);
  if (!check.ok) throw new HttpError("unauthorized", `Invalid token: ${check.reason}.`);
  context.set("userId", check.userId);
  // Keyed by user, so one user's burst never throttles another.
  if (context.env.RATE_LIMITER) {
    const { success } = await context.env.RATE_LIMITER.limit({ key: check.userId });
    if (!success) {
      const retryAfter = context.env.RATE_LIMIT_PERIOD_SECONDS ?? "60";
      throw new HttpError("rate_limited", "Too many requests; slow down a little.", {
        headers: { "Retry-After": retryAfter },
      });
    }
  }
  await next();
});

app.post("/v1/chat", async (context) => {
  const userId = context.get("userId");
  const requestId = `${userId}:${context.get("requestId")}`;
  const { message, image, conversationId } = await readChatRequest(context.req.raw);
  if (!message && !image) throw new HttpError("bad_request", "Send a message, an image, or both.");

  // A retried request (same Idempotency-Key) gets the first answer again, and writes nothing twice.
  const replay = await storage.getTrace(context.env.DB, userId, requestId);
  if (replay && typeof replay === "object" && "response" in replay)
    return context.json((replay as { response: unknown }).response);

  const now = new Date().toISOString();
  const started = Date.now();
  // Started before the context is assembled, and never waited for (see food-prefetch.ts).
  const prefetch =
    message && !image && context.env.FOOD_PREFETCH !== "off" ? startFoodPrefetch(context.env, message) : undefined;
  if (prefetch) context.executionCtx.waitUntil(prefetch.done);
  const contextStarted = performance.now();
  const existing = conversationId ? await storage.findConversation(context.env.DB, userId, conversationId) : null;
  if (conversationId && !existing) throw new HttpError("not_found", "No such conversation.");
  const conversation = existing?.id ?? crypto.randomUUID();
  const [history, profile] = await Promise.all([
    existing ? storage.recentMessages(context.env.DB, userId, existing.id, 10) : Promise.resolve([]),
    storage.getProfile(context.env.DB, userId),
  ]);
  const contextSpan = {
    name: "context",
    startMs: started,
    durationMs: performance.now() - contextStarted,
    status: "ok" as const,
    detail: `${history.length} earlier messages, ${profile ? "profile" : "no profile"}`,
  };
  const forcedDomains = await evalForcedRoute(context.req.raw.headers, context.env);
  const input = {
    ...(forcedDomains ? { forcedDomains } : {}),
    userId,
    requestId,
    message,
    ...(image ? { image } : {}),
    history: history.map((turn) => ({ role: turn.role, content: turn.content })),
    profile,
    now,
  };

  const run = async (events: DispatchEvents) => {
    let outcome;
    try {
      outcome = await dispatch(context.env, input, events);
    } catch (error) {
      if (error instanceof DispatchError) {
        throw new HttpError(error.code, error.message);
      }
      throw error;
    }
    outcome.trace.add(contextSpan);
    const prefetched = prefetch?.span();
    if (prefetched) outcome.trace.merge({ spans: [prefetched], ledger: [] });
    const response: ChatResponseBody = {
      reply: outcome.reply,
      conversationId: conversation,
      route: outcome.route,
      toolCalls: outcome.toolCalls.map(({ name, domain, arguments: arguments_, ok, error }) => ({
        name,
        domain,
        arguments: arguments_,
        ok,
        ...(error ? { error } : {}),
      })),
      usage: summariseUsage(outcome.trace.ledger),
      trace: {
        requestId: context.get("requestId"),
        configHash: safeConfigHash(context.env),
        spans: outcome.trace.spans.map((span) => ({ ...span, startMs: Math.max(0, span.startMs - started) })),
      },
    };
    const exchange = {
      userId,
      conversationId: conversation,
      isNewConversation: !existing,
      requestId,
      clientRequestId: context.get("requestId"),
      userMessage: message || "(photo)",
      reply: outcome.reply,
      route: outcome.route.path,
      // The full tool calls, results included, stay server-side for the trace view and the eval harness.
      trace: { response, ledger: outcome.trace.ledger, toolCalls: outcome.toolCalls },
      now,
    };
    try {
      await storage.saveExchange(context.env.DB, exchange);
    } catch (error) {
      // The same Idempotency-Key arrived twice at once: the specialists wrote once (their own keys),
      // the twin saved its turn first, and this one answers with what the twin stored.
      const twin = await storage.getTrace(context.env.DB, userId, requestId);
      if (twin && typeof twin === "object" && "response" in twin)
        return (twin as { response: ChatResponseBody }).response;
      throw error;
    }
    return response;
  };

  if (!(context.req.header("Accept") ?? "").includes("text/event-stream")) return context.json(await run({}));

  // Events go out in the order they happen; `written` is the reply text the client holds so far.
  return streamSSE(context, async (stream) => {
    let queue = Promise.resolve();
    const send = (event: string, data: unknown) => {
      queue = queue.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
    };
    let written = "";
    try {
      const response = await run({
        onRoute: (route) => send("route", route),
        onToolCall: (call) => send("tool", call),
        onToken: (text) => {
          written += text;
          send("token", text);
        },
        onReset: () => {
          written = "";
          send("reset", {});
        },
      });
      // Replies made in the gateway (onboarding, a question about a photo) were never streamed.
      if (written !== response.reply) {
        if (written) send("reset", {});
        send("token", response.reply);
      }
      send("done", response);
      await queue;
    } catch (error) {
      await queue;
      const failure =
        error instanceof HttpError ? error : new HttpError("internal", "Something went wrong on our side.");
      await stream.writeSSE({
        event: "error",
        data: JSON.stringify({ error: { code: failure.code, message: failure.message } }),
      });
    }
  });
});

/**
 * The eval harness reruns a case with its gold route to tell router errors from specialist errors.
 * The hook exists only where EVAL_FORCE_ROUTE_SECRET is set (never in wrangler.jsonc), and only a
 * request that presents that secret, compared in constant time, can use it.
 */
async function evalForcedRoute(headers: Headers, environment: Bindings): Promise<Domain[] | undefined> {
  const wanted = headers.get("X-Eval-Force-Route");
  if (wanted === null) return undefined;
  const secret = environment.EVAL_FORCE_ROUTE_SECRET;
  const presented = headers.get("X-Eval-Force-Route-Secret") ?? "";
  if (!secret || !(await sameSecret(presented, secret)))
    throw new HttpError("forbidden", "Forcing a route is not allowed.");
  const domains = wanted.split(",").map((domain) => domainSchema.safeParse(domain.trim()));
  if (domains.length === 0 || domains.some((domain) => !domain.success)) {
    throw new HttpError(
      "bad_request",
      "X-Eval-Force-Route takes meal, protocol, metrics-workout or general, comma-separated.",
    );
  }
  return domains.map((domain) => domain.data!);
}

async function sameSecret(presented: string, secret: string): Promise<boolean> {
  const encoder = new TextEncoder();
  // Hashing first gives equal lengths, which timingSafeEqual needs, without revealing the length.
  const [left, right] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(presented)),
    crypto.subtle.digest("SHA-256", encoder.encode(secret)),
  ]);
  return crypto.subtle.timingSafeEqual(left, right);
}

app.get("/v1/conversations", async (context) => {
  return context.json({ conversations: await storage.listConversations(context.env.DB, context.get("userId"), 50) });
});

app.get("/v1/conversations/:id", async (context) => {
  const userId = context.get("userId");
  const conversation = await storage.findConversation(context.env.DB, userId, context.req.param("id"));
  if (!conversation) throw new HttpError("not_found", "No such conversation.");
  const messages = await storage.recentMessages(context.env.DB, userId, conversation.id, 200);
  return context.json({ ...conversation, messages });
});

app.get("/v1/traces/:requestId", async (context) => {
  const userId = context.get("userId");
  const trace = await storage.getTrace(context.env.DB, userId, `${userId}:${context.req.param("requestId")}`);
  if (!trace) throw new HttpError("not_found", "No such trace.");
  return context.json(trace);
});

app.get("/v1/profile", async (context) => {
  const stored = await storage.getProfile(context.env.DB, context.get("userId"));
  if (!stored) throw new HttpError("not_found", "No profile yet: PUT /v1/profile or say hi in chat to set one up.");
  return context.json(stored);
});

app.put("/v1/profile", async (context) => {
  const profile = profileSchema.safeParse(await readJson(context.req.raw));
  if (!profile.success)
    throw new HttpError("bad_request", "Invalid profile.", { details: z.flattenError(profile.error).fieldErrors });
  const targets = computeTargets(profile.data);
  const now = new Date().toISOString();
  await storage.saveProfile(context.env.DB, context.get("userId"), profile.data, targets, now);
  return context.json({ profile: profile.data, targets, updatedAt: now });
});

function dateQuery(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  const parsed = isoDateSchema.safeParse(value);
  // Round-tripping catches dates that parse but do not exist ("2026-02-30" would roll into March).
  const time = Date.parse(`${value}T00:00:00Z`);
  const real = parsed.success && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  if (!real) throw new HttpError("bad_request", "date must be a real date as YYYY-MM-DD.");
  return parsed.data;
}

function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string; retryable: boolean } },
): T {
  if (result.ok) return result.value;
  const code =
    result.error.code === "not_found" || result.error.code === "bad_request" ? result.error.code : "unavailable";
  throw new HttpError(code, result.error.message);
}

app.get("/v1/meals", async (context) => {
  const date = dateQuery(context.req.query("date"));
  return context.json(unwrap(await context.env.MEAL.getMeals({ userId: context.get("userId"), date })));
});

/** `from`/`to` query parameters (inclusive, YYYY-MM-DD), defaulting to the last `defaultDays` days. */
function rangeQuery(
  from: string | undefined,
  to: string | undefined,
  defaultDays: number,
): { from: string; to: string } {
  const end = to === undefined ? new Date().toISOString().slice(0, 10) : dateQuery(to);
  const start =
    from === undefined
      ? new Date(Date.parse(`${end}T00:00:00Z`) - (defaultDays - 1) * 86_400_000).toISOString().slice(0, 10)
      : dateQuery(from);
  if (start > end) throw new HttpError("bad_request", "from must be on or before to.");
  return { from: start, to: end };
}

app.get("/v1/metrics", async (context) => {
  const range = rangeQuery(context.req.query("from"), context.req.query("to"), 90);
  return context.json(
    unwrap(await context.env.METRICS_WORKOUT.getBodyMetrics({ userId: context.get("userId"), ...range })),
  );
});

app.get("/v1/workouts", async (context) => {
  const range = rangeQuery(context.req.query("from"), context.req.query("to"), 14);
  return context.json(
    unwrap(await context.env.METRICS_WORKOUT.getWorkouts({ userId: context.get("userId"), ...range })),
  );
});

app.get("/v1/summary", async (context) => {
  const userId = context.get("userId");
  const date = dateQuery(context.req.query("date"));
  const profile = await storage.getProfile(context.env.DB, userId);
  const [meal, protocol, training] = await Promise.all([
    context.env.MEAL.daySummary({ userId, date, ...(profile ? { targets: profile.targets } : {}) }),
    context.env.PROTOCOL.daySummary({ userId, date }),
    context.env.METRICS_WORKOUT.daySummary({ userId, date }),
  ]);
  return context.json({
    date,
    targets: profile?.targets ?? null,
    food: part(meal),
    supplements: part(protocol),
    training: part(training),
  });
});

/** A summary with one part missing is still useful: say which part instead of failing it all. */
function part(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): unknown {
  return result.ok ? result.value : { unavailable: result.error.message };
}

app.get("/v1/foods/search", async (context) => {
  const query = context.req.query("q") ?? "";
  const limitText = context.req.query("limit");
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (limit !== undefined && !Number.isInteger(limit))
    throw new HttpError("bad_request", "limit must be a whole number.");
  return context.json(
    unwrap(await context.env.EMBEDDING.searchFoods({ query, ...(limit === undefined ? {} : { limit }) })),
  );
});

app.get("/v1/foods/:id", async (context) => {
  const id = Number(context.req.param("id"));
  if (!Number.isInteger(id) || id <= 0) throw new HttpError("bad_request", "food id must be a positive whole number.");
  return context.json(unwrap(await context.env.EMBEDDING.getFood(id)));
});

app.notFound((context) => {
  const requestId = context.get("requestId");
  const allowed = allowedMethods(new URL(context.req.url).pathname);
  if (allowed.length > 0) {
    return errorResponse("method_not_allowed", `Use ${allowed.join(" or ")} for this route.`, {
      requestId,
      headers: { Allow: allowed.join(", ") },
    });
  }
  return errorResponse("not_found", "No such route.", { requestId });
});

/** The methods the API answers on a path ("/v1/chat" -> POST): a known route asked the wrong way is a 405. */
function allowedMethods(path: string): string[] {
  const matches = (routePath: string) =>
    new RegExp(
      `^${routePath
        .split("/")
        .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/")}$`,
    ).test(path);
  const methods = app.routes
    .filter((route) => route.method !== "ALL" && route.path !== "*" && matches(route.path))
    .map((route) => route.method);
  return [...new Set(methods)];
}

app.onError((error, context) => {
  const requestId = context.get("requestId");
  if (error instanceof HttpError) {
    return errorResponse(error.code, error.message, { requestId, details: error.details, headers: error.headers });
  }
  // Never echo internals (or secrets) to the client; the log has the stack.
  console.error(
    JSON.stringify({ level: "error", requestId, message: error instanceof Error ? error.message : String(error) }),
  );
  return errorResponse("internal", "Something went wrong on our side.", { requestId });
});

function safeConfigHash(environment: Bindings): string {
  try {
    return configHash(environment as unknown as Record<string, string>);
  } catch {
    return "invalid";
  }
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readLimited(request, MAX_JSON_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError("bad_request", "The body is not valid JSON.");
  }
}

/** Reads a body as text, refusing it once it passes `limit` bytes (declared or actual). */
async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > limit) throw new HttpError("payload_too_large", `The body is larger than ${limit} bytes.`);
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > limit) throw new HttpError("payload_too_large", `The body is larger than ${limit} bytes.`);
  return new TextDecoder().decode(buffer);
}

// Base64 makes an image a third larger; the rest of the JSON must still fit in MAX_JSON_BODY_BYTES.
const MAX_CHAT_BODY_BYTES = MAX_JSON_BODY_BYTES + Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 1024;

async function readChatRequest(
  request: Request,
): Promise<{ message: string; image?: AcceptedImage; conversationId?: string }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const declared = Number(request.headers.get("Content-Length") ?? 0);
    if (declared > MAX_IMAGE_BYTES + MAX_JSON_BODY_BYTES)
      throw new HttpError("payload_too_large", "The image is larger than 5 MB.");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new HttpError("bad_request", "The multipart body could not be read.");
    }
    const file = form.get("image");
    const fields = chatRequestSchema.safeParse({
      message: form.get("message") ?? "",
      ...(form.get("conversationId") ? { conversationId: form.get("conversationId") } : {}),
    });
    if (!fields.success) throw new HttpError("bad_request", z.prettifyError(fields.error));
    if (file !== null && typeof file === "string")
      throw new HttpError("bad_request", "The image field must be a file.");
    const image = file ? acceptImage(new Uint8Array(await file.arrayBuffer())) : undefined;
    return {
      message: fields.data.message,
      ...(image ? { image } : {}),
      ...(fields.data.conversationId ? { conversationId: fields.data.conversationId } : {}),
    };
  }
  if (!contentType.includes("application/json"))
    throw new HttpError("unsupported_media_type", "Send JSON (application/json) or multipart/form-data.");
  const text = await readLimited(request, MAX_CHAT_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError("bad_request", "The body is not valid JSON.");
  }
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError("bad_request", z.prettifyError(parsed.error), {
      details: z.flattenError(parsed.error).fieldErrors,
    });
  const imageLength = parsed.data.image?.length ?? 0;
  if (text.length - imageLength > MAX_JSON_BODY_BYTES)
    throw new HttpError(
      "payload_too_large",
      `The JSON body (apart from the image) is larger than ${MAX_JSON_BODY_BYTES} bytes.`,
    );
  let image: AcceptedImage | undefined;
  if (parsed.data.image !== undefined) {
    const bytes = decodeDataUrl(parsed.data.image);
    if (!bytes) throw new HttpError("bad_request", "image must be a base64 data URL (data:image/jpeg;base64,...).");
    if (bytes === "too-large") throw new HttpError("payload_too_large", "The image is larger than 5 MB.");
    image = acceptImage(bytes);
  }
  return {
    message: parsed.data.message,
    ...(image ? { image } : {}),
    ...(parsed.data.conversationId ? { conversationId: parsed.data.conversationId } : {}),
  };
}

function acceptImage(bytes: Uint8Array): AcceptedImage {
  const check = checkImage(bytes);
  if (check.ok) return check.image;
  const code =
    check.status === 413 ? "payload_too_large" : check.status === 415 ? "unsupported_media_type" : "bad_request";
  throw new HttpError(code, check.message);
}
