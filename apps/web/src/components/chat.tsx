// Chat with the coach: replies stream in (route, tool calls, then the words), a photo can go with a
// message, a failed message keeps its Idempotency-Key so "Retry" never logs anything twice, and
// each reply opens its trace.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ChatInput } from "../api/client.ts";
import type { Api } from "../api/client.ts";
import { ApiError, describeError } from "../api/errors.ts";
import type { ChatResponseBody, ChatRoute, ChatToolCall } from "../api/types.ts";
import {
  type ConversationEntry,
  forgetConversation,
  listConversations,
  rememberConversation,
  requestIdOfMessage,
} from "../conversations.ts";
import { percent } from "../format.ts";
import { prepareImage } from "../image.ts";
import type { Session } from "../session.ts";
import { TracePanel } from "./trace-panel.tsx";
import { useCountdown } from "./use-online.ts";

interface Props {
  api: Api;
  session: Session;
  online: boolean;
  onReply(): void;
  /** A message another panel asked to send ("I took my creatine"). */
  queued: { text: string; key: number } | null;
}

interface ChatMessage {
  key: string;
  role: "user" | "assistant";
  content: string;
  imageUrl?: string | undefined;
  status?: "streaming" | "done" | "failed";
  route?: ChatRoute | undefined;
  tools?: ChatToolCall[];
  requestId?: string | undefined;
  response?: ChatResponseBody | undefined;
  error?: unknown;
  /** What to send again on "Retry": the same body and Idempotency-Key. */
  retry?: ChatInput;
}

const ROUTE_LABEL: Record<string, string> = {
  specialist: "specialist",
  coordinator: "coordinator",
  general: "general coaching",
  onboarding: "onboarding",
  vision: "photo",
};

export function Chat({ api, session, online, onReply, queued }: Props) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [conversationId, setConversationId] = useState<string | undefined>(undefined);
  const [conversations, setConversations] = useState<ConversationEntry[]>(() => listConversations(session.userId));
  const [text, setText] = useState("");
  const [photo, setPhoto] = useState<{ file: File; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadingHistory, setLoadingHistory] = useState(false);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [cooldownUntil, setCooldownUntil] = useState<number | null>(null);
  const [openTrace, setOpenTrace] = useState<string | null>(null);
  const cooldown = useCountdown(cooldownUntil);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);

  // Also on a cool-down: its notice grows the composer and would hide the newest message.
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages, cooldown > 0]);

  // Coming back to the app (a reload, another device-sized window) reopens the latest conversation.
  useEffect(() => {
    const latest = conversations[0];
    if (latest) void openConversation(latest.id);
  }, []);

  useEffect(() => {
    if (queued && !busy) void submit(queued.text, null);
    // Only a new queued message should send; busy changing must not resend it.
  }, [queued?.key]);

  function update(key: string, change: (message: ChatMessage) => ChatMessage) {
    setMessages((current) => current.map((message) => (message.key === key ? change(message) : message)));
  }

  async function run(assistantKey: string, request: ChatInput, firstText: string) {
    setBusy(true);
    try {
      const response = await api.chat(request, {
        onRoute: (route) => update(assistantKey, (message) => ({ ...message, route })),
        onTool: (call) => update(assistantKey, (message) => ({ ...message, tools: [...(message.tools ?? []), call] })),
        onToken: (token) => update(assistantKey, (message) => ({ ...message, content: message.content + token })),
        onReset: () => update(assistantKey, (message) => ({ ...message, content: "" })),
      });
      update(assistantKey, (message) => ({
        ...message,
        status: "done",
        content: response.reply,
        route: response.route,
        tools: response.toolCalls,
        requestId: response.trace.requestId,
        response,
        error: undefined,
        retry: undefined,
      }));
      setConversationId(response.conversationId);
      setConversations(
        rememberConversation(session.userId, response.conversationId, firstText, new Date().toISOString()),
      );
      onReply();
    } catch (error) {
      if (error instanceof ApiError && error.isRateLimited) {
        setCooldownUntil(Date.now() + (error.retryAfterSeconds ?? 10) * 1000);
      }
      update(assistantKey, (message) => ({ ...message, status: "failed", error, retry: request }));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  async function submit(messageText: string, attached: { file: File; url: string } | null) {
    const trimmed = messageText.trim();
    if ((!trimmed && !attached) || busy) return;
    const image = attached ? await prepareImage(attached.file) : undefined;
    const request: ChatInput = { message: trimmed, image, conversationId, idempotencyKey: crypto.randomUUID() };
    const assistantKey = `${request.idempotencyKey}:assistant`;
    setMessages((current) => [
      ...current,
      { key: `${request.idempotencyKey}:user`, role: "user", content: trimmed, imageUrl: attached?.url },
      { key: assistantKey, role: "assistant", content: "", status: "streaming", tools: [] },
    ]);
    setText("");
    setPhoto(null);
    if (fileInput.current) fileInput.current.value = "";
    await run(assistantKey, request, trimmed || "Photo");
  }

  function retry(message: ChatMessage) {
    if (!message.retry || busy) return;
    update(message.key, (current) => ({
      ...current,
      status: "streaming",
      content: "",
      tools: [],
      route: undefined,
      error: undefined,
    }));
    void run(message.key, message.retry, message.retry.message || "Photo");
  }

  async function openConversation(id: string) {
    setOpenTrace(null);
    setHistoryError(null);
    if (id === "") {
      setConversationId(undefined);
      setMessages([]);
      return;
    }
    setLoadingHistory(true);
    try {
      const conversation = await api.getConversation(id);
      setConversationId(conversation.id);
      setMessages(
        conversation.messages.map((message) => ({
          key: message.id,
          role: message.role,
          content: message.content,
          ...(message.role === "assistant"
            ? { status: "done" as const, requestId: requestIdOfMessage(message.id, session.userId) ?? undefined }
            : {}),
        })),
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        setConversations(forgetConversation(session.userId, id));
        setHistoryError("That conversation no longer exists.");
      } else {
        setHistoryError(describeError(error));
      }
    } finally {
      setLoadingHistory(false);
      input.current?.focus();
    }
  }

  function choosePhoto(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    if (photo) URL.revokeObjectURL(photo.url);
    setPhoto({ file, url: URL.createObjectURL(file) });
  }

  const sendBlocked = busy || cooldown > 0 || !online;
  const sendLabel = cooldown > 0 ? `Wait ${cooldown} s` : busy ? "Sending…" : "Send";

  return (
    <div class="chat">
      <div class="chat-toolbar">
        <label for="conversation">Conversation</label>
        <select
          id="conversation"
          value={conversationId ?? ""}
          disabled={busy || loadingHistory}
          onChange={(event) => void openConversation(event.currentTarget.value)}
        >
          <option value="">New conversation</option>
          {conversations.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title}
            </option>
          ))}
        </select>
      </div>
      {historyError && (
        <p class="inline-error" role="alert">
          {historyError}
        </p>
      )}
      <ol class="messages" ref={list} aria-label="Messages" aria-live="polite" aria-busy={busy || loadingHistory}>
        {messages.length === 0 && !loadingHistory && (
          <li class="empty">
            <p>Tell your coach what you ate, took or trained. For example:</p>
            <ul>
              <li>“I had 200 g chicken breast and a cup of rice for lunch”</li>
              <li>“Took 5 g creatine this morning”</li>
              <li>“Squatted 5x5 at 100 kg”</li>
            </ul>
          </li>
        )}
        {loadingHistory && <li class="empty">Loading the conversation…</li>}
        {messages.map((message) =>
          message.role === "user" ? (
            <li key={message.key} class="message user">
              {message.imageUrl && <img class="photo" src={message.imageUrl} alt="Your photo" />}
              {message.content && <p>{message.content}</p>}
            </li>
          ) : (
            <AssistantMessage
              key={message.key}
              api={api}
              message={message}
              traceOpen={openTrace === message.key}
              onToggleTrace={() => setOpenTrace(openTrace === message.key ? null : message.key)}
              onRetry={() => retry(message)}
              retryBlocked={sendBlocked}
              cooldown={cooldown}
            />
          ),
        )}
      </ol>
      <form
        class="composer"
        onSubmit={(event) => {
          event.preventDefault();
          if (!sendBlocked) void submit(text, photo);
        }}
      >
        {cooldown > 0 && (
          <p class="inline-error" role="status">
            Slow down: retry in {cooldown} s.
          </p>
        )}
        {photo && (
          <div class="attachment">
            <img src={photo.url} alt="Photo to send" />
            <span>{photo.file.name}</span>
            <button
              type="button"
              class="quiet"
              onClick={() => {
                URL.revokeObjectURL(photo.url);
                setPhoto(null);
                if (fileInput.current) fileInput.current.value = "";
              }}
            >
              Remove photo
            </button>
          </div>
        )}
        <label for="message" class="visually-hidden">
          Message
        </label>
        <textarea
          id="message"
          ref={input}
          rows={2}
          placeholder={
            photo
              ? "Say what is in the photo (optional)"
              : "Message your coach…  (Enter sends, Shift+Enter for a new line)"
          }
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              if (!sendBlocked) void submit(text, photo);
            }
          }}
          maxLength={4000}
        />
        <div class="composer-actions">
          <input
            id="photo"
            ref={fileInput}
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            onChange={choosePhoto}
          />
          {/* The file input itself takes focus (visually hidden); its label is the visible button. */}
          <label for="photo" class="button quiet">
            <CameraIcon /> Photo
          </label>
          <button type="submit" class="primary" disabled={sendBlocked || (!text.trim() && !photo)}>
            {sendLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

interface AssistantProps {
  api: Api;
  message: ChatMessage;
  traceOpen: boolean;
  onToggleTrace(): void;
  onRetry(): void;
  retryBlocked: boolean;
  cooldown: number;
}

function AssistantMessage({ api, message, traceOpen, onToggleTrace, onRetry, retryBlocked, cooldown }: AssistantProps) {
  const traceId = `trace-${message.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <li
      class={`message assistant ${message.status ?? ""} ${traceOpen ? "with-trace" : ""}`}
      aria-busy={message.status === "streaming"}
    >
      {message.status === "streaming" && (
        <p class="progress">
          {message.route ? `Routed to ${routeText(message.route)}` : "Thinking…"}
          {(message.tools ?? []).map((call, index) => (
            <span key={index} class={`chip ${call.ok ? "ok" : "bad"}`}>
              {call.name} {call.ok ? "✓" : "✗"}
            </span>
          ))}
        </p>
      )}
      {message.content && <p class="reply">{message.content}</p>}
      {message.status === "failed" && (
        <div class="failure" role="alert">
          <p>
            {message.error instanceof ApiError && message.error.isRateLimited
              ? cooldown > 0
                ? `Slow down a little: retry in ${cooldown} s.`
                : "Slow down a little. You can retry now."
              : describeError(message.error)}
          </p>
          {message.retry && (
            <button type="button" onClick={onRetry} disabled={retryBlocked}>
              {cooldown > 0 ? `Retry in ${cooldown} s` : "Retry"}
            </button>
          )}
        </div>
      )}
      {message.status === "done" && message.requestId && (
        <div class="message-footer">
          {message.route && <span class="chip">{routeText(message.route)}</span>}
          {(message.tools ?? []).map((call, index) => (
            <span key={index} class={`chip ${call.ok ? "ok" : "bad"}`} title={call.error ?? ""}>
              {call.name} {call.ok ? "✓" : "✗"}
            </span>
          ))}
          <button type="button" class="link" aria-expanded={traceOpen} aria-controls={traceId} onClick={onToggleTrace}>
            {traceOpen ? "Hide trace" : "Trace"}
          </button>
        </div>
      )}
      {traceOpen && message.requestId && (
        <TracePanel id={traceId} api={api} requestId={message.requestId} response={message.response} />
      )}
    </li>
  );
}

function CameraIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13.5" r="3.5" />
    </svg>
  );
}

function routeText(route: ChatRoute): string {
  const path = ROUTE_LABEL[route.path] ?? route.path;
  const domains = route.domains.filter((domain) => domain !== "general");
  return `${domains.length > 0 ? `${domains.join(" + ")} ${path}` : path} · ${percent(route.confidence)}`;
}
