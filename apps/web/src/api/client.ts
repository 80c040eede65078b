// The gateway's HTTP API for the browser. Every call adds the bearer token, turns failures into
// ApiError, and reports a 401 once through onUnauthorized so the app can go back to sign-in.
import { ApiError, errorFromResponse, networkError } from "./errors.ts";
import { readServerSentEvents } from "./sse.ts";
import type {
  BodyMetricsReply,
  ChatResponseBody,
  ChatRoute,
  ChatToolCall,
  Conversation,
  DaySummaryResponse,
  DevToken,
  ErrorCode,
  Profile,
  StoredProfile,
  StoredTrace,
  WorkoutsReply,
} from "./types.ts";

export interface ApiOptions {
  /** Origin of the gateway; empty for the page's own origin (the gateway serves this client). */
  baseUrl?: string;
  token: () => string | null;
  onUnauthorized?: (error: ApiError) => void;
  fetch?: typeof fetch;
  isOnline?: () => boolean;
}

export interface ChatInput {
  message: string;
  image?: Blob | undefined;
  conversationId?: string | undefined;
  /** Sent as Idempotency-Key: a retry with the same key gets the first answer and writes nothing twice. */
  idempotencyKey: string;
}

export interface ChatHandlers {
  onRoute?(route: ChatRoute): void;
  onTool?(call: ChatToolCall): void;
  /** One piece of the reply as it streams in. */
  onToken?(text: string): void;
  /** The pieces so far are not the reply after all (the model retried, or went on to use tools): clear them. */
  onReset?(): void;
}

/** The status each error code of the stream's `error` event would have had as a plain response. */
const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  model_error: 502,
  timeout: 504,
  unavailable: 503,
  internal: 500,
};

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions) {
  const baseUrl = options.baseUrl ?? "";
  const fetchImplementation = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const isOnline = options.isOnline ?? (() => (typeof navigator === "undefined" ? true : navigator.onLine));

  async function send(path: string, init: RequestInit = {}, authenticated = true): Promise<Response> {
    const headers = new Headers(init.headers);
    if (authenticated) {
      const token = options.token();
      if (token) headers.set("Authorization", `Bearer ${token}`);
    }
    let response: Response;
    try {
      response = await fetchImplementation(`${baseUrl}${path}`, { ...init, headers });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw networkError(error, isOnline());
    }
    if (response.ok) return response;
    const error = await errorFromResponse(response);
    if (error.isUnauthorized && authenticated) options.onUnauthorized?.(error);
    throw error;
  }

  async function json<T>(path: string, init: RequestInit = {}, authenticated = true): Promise<T> {
    const response = await send(path, init, authenticated);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, "bad_response", "The server sent a reply that is not JSON.");
    }
  }

  return {
    /** POST /dev/token: a 12-hour token for local use; 404 when the gateway has dev sign-in off. */
    devToken(userId: string): Promise<DevToken> {
      return json(
        "/dev/token",
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ userId }) },
        false,
      );
    },

    /** Resolves when the gateway accepts `token`; a 404 (no profile yet) still means it was accepted. */
    async checkToken(token: string): Promise<void> {
      try {
        await send("/v1/profile", { headers: { Authorization: `Bearer ${token}` } }, false);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return;
        throw error;
      }
    },

    /** The profile and targets, or null before the user has set one up. */
    async getProfile(): Promise<StoredProfile | null> {
      try {
        return await json<StoredProfile>("/v1/profile");
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },

    putProfile(profile: Profile): Promise<{ profile: Profile; targets: StoredProfile["targets"]; updatedAt: string }> {
      return json("/v1/profile", {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(profile),
      });
    },

    getSummary(date: string): Promise<DaySummaryResponse> {
      return json(`/v1/summary?date=${encodeURIComponent(date)}`);
    },

    getBodyMetrics(from: string, to: string): Promise<BodyMetricsReply> {
      return json(`/v1/metrics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    },

    getWorkouts(from: string, to: string): Promise<WorkoutsReply> {
      return json(`/v1/workouts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    },

    getConversation(id: string): Promise<Conversation> {
      return json(`/v1/conversations/${encodeURIComponent(id)}`);
    },

    getTrace(requestId: string): Promise<StoredTrace> {
      return json(`/v1/traces/${encodeURIComponent(requestId)}`);
    },

    /** POST /v1/chat, streamed: handlers see the route, tool calls and reply pieces as they come. */
    async chat(input: ChatInput, handlers: ChatHandlers = {}, signal?: AbortSignal): Promise<ChatResponseBody> {
      let body: BodyInit;
      const headers: Record<string, string> = { Accept: "text/event-stream", "Idempotency-Key": input.idempotencyKey };
      if (input.image) {
        const form = new FormData();
        form.append("message", input.message);
        if (input.conversationId) form.append("conversationId", input.conversationId);
        form.append("image", input.image, input.image instanceof File ? input.image.name : "photo.jpg");
        body = form;
      } else {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify({
          message: input.message,
          ...(input.conversationId ? { conversationId: input.conversationId } : {}),
        });
      }
      const response = await send("/v1/chat", { method: "POST", headers, body, ...(signal ? { signal } : {}) });
      return readChatResponse(response, handlers);
    },
  };
}

/** A chat reply: an event stream, or plain JSON (the gateway replays a repeated request as JSON). */
export async function readChatResponse(response: Response, handlers: ChatHandlers): Promise<ChatResponseBody> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("text/event-stream") || !response.body) {
    const whole = (await response.json()) as ChatResponseBody;
    handlers.onRoute?.(whole.route);
    for (const call of whole.toolCalls) handlers.onTool?.(call);
    handlers.onToken?.(whole.reply);
    return whole;
  }
  for await (const event of readServerSentEvents(response.body)) {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      throw new ApiError(response.status, "bad_response", `The reply stream sent an unreadable ${event.event} event.`);
    }
    if (event.event === "route") handlers.onRoute?.(data as ChatRoute);
    else if (event.event === "tool") handlers.onTool?.(data as ChatToolCall);
    else if (event.event === "token" && typeof data === "string") handlers.onToken?.(data);
    else if (event.event === "reset") handlers.onReset?.();
    else if (event.event === "done") return data as ChatResponseBody;
    else if (event.event === "error") {
      const error = (data as { error?: { code?: string; message?: string } }).error ?? {};
      const code = error.code ?? "internal";
      throw new ApiError(
        STATUS_OF[code as ErrorCode] ?? 500,
        code,
        error.message ?? "Something went wrong on our side.",
      );
    }
  }
  throw new ApiError(0, "network", "The reply was cut off before it finished. Try again: nothing is logged twice.");
}
