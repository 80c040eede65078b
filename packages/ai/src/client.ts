// The model client Workers use. One call walks the task's chain (./chain.ts) and, per model:
// skips it while its circuit is open, bounds each attempt by the task's timeout, retries
// transient failures with exponential backoff and full jitter (honouring Retry-After), then falls
// back to the next model. Every attempt, retry, skip and fallback becomes a span, and every
// provider call a ledger entry, in the request's Trace.
import {
  type ModelConfig,
  ModelConfigError,
  type ModelEnvironment,
  type ModelTask,
  SPECIALIST_DOMAINS,
  type SpecialistDomain,
  getModelConfig,
} from "@ensemble/model-config";
import { type BreakerSettings, breakerAllows, recordAbandoned, recordFailure, recordSuccess } from "./breaker.ts";
import { type ChainLink, providerChoice, resolveChain, stringVariables } from "./chain.ts";
import { ModelError, describeError } from "./errors.ts";
import { createLocalProvider } from "./local/provider.ts";
import type { LocalSkill } from "./local/skill.ts";
import { createOpenAiCompatibleProvider, openAiCompatibleOptionsFromEnv } from "./providers/openai-compatible.ts";
import { type AiBinding, createWorkersAiProvider } from "./providers/workers-ai.ts";
import { abortableSleep } from "./sleep.ts";
import { Trace } from "./trace.ts";
import type { ChatMessage, ChatResponse, EmbedResponse, Provider, ProviderName, Task, ToolSpec } from "./types.ts";
import { costUsd } from "./usage.ts";

export interface ModelClientOptions {
  /**
   * The Worker's env as it is: string variables are read, bindings ignored (except `AI`, see `ai`).
   * Typed as `object` so a Worker's generated `Env` interface fits without a cast.
   */
  env: object;
  /** The Worker's name, for spans. */
  worker: string;
  /** The request's trace; a fresh one is made when absent. */
  trace?: Trace;
  /** Skills for the local engine (each specialist passes its own). */
  skills?: LocalSkill[];
  /** The Workers AI binding, needed when AI_PROVIDER is workers-ai; defaults to `env.AI`. */
  ai?: AiBinding;
  /** For the OpenAI-compatible provider; defaults to globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  /** The request's "now", for relative dates in local skills. */
  now?: () => Date;
  /** Milliseconds for circuit cooldowns and the retry budget. Kept apart from `now`, which may be pinned to a past date. */
  clock?: () => number;
  /** Waits between retries; tests pass one that records delays and returns at once. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  /** [0, 1) for backoff jitter. */
  random?: () => number;
  /** Replaces a backend, e.g. `{ "workers-ai": createMockProvider(...) }` in tests. */
  providers?: Partial<Record<ProviderName, Provider>>;
}

export interface ChatOptions {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  responseFormat?: "text" | "json";
  /** The specialist domain (picks MODEL_SPECIALIST_<DOMAIN>) or the local skill ("general", "onboarding"). */
  domain?: string;
  signal?: AbortSignal;
  reasoning?: boolean;
  /** Streams the reply: each piece of text as the model writes it (see ChatRequest.onText). */
  onText?: (delta: string) => void;
  /**
   * Called when an attempt that already streamed text failed and another attempt (a retry or the
   * next model) starts: what was streamed so far is void, and the listener starts over.
   */
  onReset?: () => void;
}

export interface ModelClient {
  readonly trace: Trace;
  chat(task: Task, options: ChatOptions): Promise<ChatResponse>;
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<EmbedResponse>;
  /** The task's primary model config. */
  config(task: Task, domain?: string): ModelConfig;
  /** The task's effective chain. */
  chain(task: Task, domain?: string): ChainLink[];
}

/** Per-attempt timeouts: the router sits on every request's critical path, so it gets little. */
export const DEFAULT_TIMEOUT_MS: Record<ModelTask, number> = {
  router: 3_000,
  onboarding: 15_000,
  specialist: 20_000,
  vision: 30_000,
  fallback: 20_000,
  synthesis: 15_000,
  summary: 15_000,
  embedding: 10_000,
  judge: 30_000,
};

export interface ResilienceSettings {
  maxRetries: number;
  retryBudgetMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  breaker: BreakerSettings;
  timeoutMs: Record<ModelTask, number>;
}

function numberSetting(env: ModelEnvironment, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ModelConfigError(name, `must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/**
 * `MODEL_MAX_RETRIES` (2), `MODEL_RETRY_BUDGET_MS` (10 s: total waiting allowed per call),
 * `MODEL_RETRY_BASE_MS` (250), `MODEL_RETRY_MAX_DELAY_MS` (4 s), `BREAKER_THRESHOLD` (5),
 * `BREAKER_COOLDOWN_MS` (30 s), `TIMEOUT_MS_<TASK>` (see DEFAULT_TIMEOUT_MS).
 */
export function resilienceSettings(env: ModelEnvironment): ResilienceSettings {
  const timeoutMs = { ...DEFAULT_TIMEOUT_MS };
  for (const task of Object.keys(timeoutMs) as ModelTask[]) {
    timeoutMs[task] = numberSetting(env, `TIMEOUT_MS_${task.toUpperCase()}`, timeoutMs[task], 1, 300_000);
  }
  return {
    maxRetries: numberSetting(env, "MODEL_MAX_RETRIES", 2, 0, 10),
    retryBudgetMs: numberSetting(env, "MODEL_RETRY_BUDGET_MS", 10_000, 0, 300_000),
    retryBaseMs: numberSetting(env, "MODEL_RETRY_BASE_MS", 250, 0, 60_000),
    retryMaxDelayMs: numberSetting(env, "MODEL_RETRY_MAX_DELAY_MS", 4_000, 0, 300_000),
    breaker: {
      threshold: numberSetting(env, "BREAKER_THRESHOLD", 5, 1, 1_000),
      cooldownMs: numberSetting(env, "BREAKER_COOLDOWN_MS", 30_000, 0, 3_600_000),
    },
    timeoutMs,
  };
}

/** Full jitter (AWS architecture blog): a uniform wait up to the exponential cap, so clients that failed together do not retry together. */
export function backoffDelay(
  attempt: number,
  settings: Pick<ResilienceSettings, "retryBaseMs" | "retryMaxDelayMs">,
  random: () => number,
): number {
  const cap = Math.min(settings.retryMaxDelayMs, settings.retryBaseMs * 2 ** attempt);
  return Math.round(random() * cap);
}

// Races the attempt against its timeout. The attempt's own signal is aborted too, so a provider
// that honours signals stops its request; one that does not is simply no longer waited for.
async function withTimeout<T>(
  milliseconds: number,
  callerSignal: AbortSignal | undefined,
  link: ChainLink,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onCallerAbort: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ModelError("timeout", `no answer within ${milliseconds} ms`, {
        provider: link.provider,
        model: link.config.model,
      });
      controller.abort(error);
      reject(error);
    }, milliseconds);
  });
  const cancelled = new Promise<never>((_, reject) => {
    if (!callerSignal) return;
    onCallerAbort = () => {
      controller.abort(callerSignal.reason);
      reject(callerSignal.reason);
    };
    if (callerSignal.aborted) onCallerAbort();
    else callerSignal.addEventListener("abort", onCallerAbort, { once: true });
  });
  try {
    return await Promise.race([work(controller.signal), timeout, cancelled]);
  } finally {
    clearTimeout(timer);
    if (onCallerAbort) callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

function toModelError(error: unknown, link: ChainLink): ModelError {
  if (error instanceof ModelError) return error;
  // Anything else is a bug in a provider: do not retry it, but do let the next model try.
  return new ModelError("server_error", error instanceof Error ? error.message : String(error), {
    provider: link.provider,
    model: link.config.model,
    retryable: false,
    cause: error,
  });
}

function specialistDomain(task: Task, domain: string | undefined): SpecialistDomain | undefined {
  return task === "specialist" && SPECIALIST_DOMAINS.includes(domain as SpecialistDomain)
    ? (domain as SpecialistDomain)
    : undefined;
}

interface Metered {
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
}

function aiBindingIn(env: object): AiBinding | undefined {
  const candidate = (env as { AI?: { run?: unknown } }).AI;
  return candidate && typeof candidate.run === "function" ? (candidate as AiBinding) : undefined;
}

export function createModelClient(options: ModelClientOptions): ModelClient {
  const env = stringVariables(options.env);
  const ai = options.ai ?? aiBindingIn(options.env);
  const trace = options.trace ?? new Trace(options.worker);
  const settings = resilienceSettings(env);
  const clock = options.clock ?? (() => Date.now());
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const choice = providerChoice(env);
  if (choice === "workers-ai" && !ai && !options.providers?.["workers-ai"]) {
    throw new ModelConfigError("AI_PROVIDER", "is workers-ai but this Worker has no AI binding");
  }
  // Built up front so a bad OPENAI_* setting fails at start-up, not at the first request.
  const openAiOptions =
    choice === "openai-compatible" && !options.providers?.["openai-compatible"]
      ? openAiCompatibleOptionsFromEnv(env)
      : undefined;

  const providers = new Map<ProviderName, Provider>();
  function providerFor(name: ProviderName): Provider {
    let provider = providers.get(name) ?? options.providers?.[name];
    if (!provider) {
      if (name === "local")
        provider = createLocalProvider({ skills: options.skills, env, ...(options.now ? { now: options.now } : {}) });
      else if (name === "workers-ai")
        provider = createWorkersAiProvider({ ai: ai!, ...(env.AI_GATEWAY_ID ? { gatewayId: env.AI_GATEWAY_ID } : {}) });
      else if (name === "openai-compatible")
        provider = createOpenAiCompatibleProvider({
          ...openAiOptions!,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
      else throw new ModelConfigError("AI_PROVIDER", `no provider named "${name}"`);
    }
    providers.set(name, provider);
    return provider;
  }

  const chains = new Map<string, ChainLink[]>();
  function chainFor(task: Task, domain: string | undefined): ChainLink[] {
    const key = `${task}:${specialistDomain(task, domain) ?? ""}`;
    let chain = chains.get(key);
    if (!chain) {
      chain = resolveChain(task, env, domain);
      chains.set(key, chain);
    }
    return chain;
  }

  async function runChain<T>(
    task: Task,
    domain: string | undefined,
    signal: AbortSignal | undefined,
    call: (provider: Provider, link: ChainLink, signal: AbortSignal) => Promise<T>,
    meter: (result: T) => Metered,
  ): Promise<T> {
    const chain = chainFor(task, domain);
    const deadline = clock() + settings.retryBudgetMs;
    const spanName = `model.${task}`;
    const failures: string[] = [];
    let lastError: ModelError | undefined;

    for (const [index, link] of chain.entries()) {
      const { model } = link.config;
      const key = `${link.provider}:${model}`;
      if (index > 0 && lastError) {
        trace.add({
          name: `fallback.${task}`,
          model,
          startMs: Date.now(),
          durationMs: 0,
          status: "fallback",
          detail: `after ${lastError.model}: ${lastError.code}`,
        });
      }
      if (!breakerAllows(key, settings.breaker, clock())) {
        trace.add({
          name: spanName,
          model,
          startMs: Date.now(),
          durationMs: 0,
          status: "skipped",
          detail: `circuit open for ${key}`,
        });
        lastError = new ModelError("circuit_open", `circuit open for ${key}`, {
          provider: link.provider,
          model,
          retryable: false,
        });
        failures.push(`${model}: circuit open`);
        continue;
      }

      for (let attempt = 0; ; attempt++) {
        const startMs = Date.now();
        const started = performance.now();
        try {
          const result = await withTimeout(settings.timeoutMs[task], signal, link, (attemptSignal) =>
            call(providerFor(link.provider), link, attemptSignal),
          );
          const latencyMs = performance.now() - started;
          recordSuccess(key);
          const usage = meter(result);
          trace.record({
            task,
            model,
            provider: link.provider,
            inputTokens: usage.inputTokens,
            outputTokens: usage.outputTokens,
            latencyMs: Math.round(latencyMs * 1000) / 1000,
            costUsd: costUsd(link.config.price, usage.inputTokens, usage.outputTokens),
            ok: true,
            estimated: usage.estimated,
          });
          trace.add({
            name: spanName,
            model,
            startMs,
            durationMs: latencyMs,
            status: "ok",
            detail: `${link.provider}${attempt > 0 ? `, attempt ${attempt + 1}` : ""}`,
          });
          return result;
        } catch (error) {
          const latencyMs = performance.now() - started;
          if (signal?.aborted) {
            recordAbandoned(key);
            trace.add({
              name: spanName,
              model,
              startMs,
              durationMs: latencyMs,
              status: "error",
              detail: "cancelled by the caller",
            });
            throw signal.reason ?? error;
          }
          const failure = toModelError(error, link);
          const state = recordFailure(key, settings.breaker, clock());
          trace.record({
            task,
            model,
            provider: link.provider,
            inputTokens: 0,
            outputTokens: 0,
            latencyMs: Math.round(latencyMs * 1000) / 1000,
            costUsd: 0,
            ok: false,
            estimated: false,
          });
          const delay = failure.retryAfterMs ?? backoffDelay(attempt, settings, random);
          const retry =
            failure.isRetryable && attempt < settings.maxRetries && state !== "open" && clock() + delay <= deadline;
          if (retry) {
            trace.add({
              name: spanName,
              model,
              startMs,
              durationMs: latencyMs,
              status: "retry",
              detail: `${describeError(failure)}; retrying in ${delay} ms`,
            });
            await sleep(delay, signal);
            continue;
          }
          const why = !failure.isRetryable
            ? ""
            : state === "open"
              ? " (circuit opened)"
              : attempt >= settings.maxRetries
                ? " (retries used up)"
                : " (retry budget spent)";
          trace.add({
            name: spanName,
            model,
            startMs,
            durationMs: latencyMs,
            status: "error",
            detail: `${describeError(failure)}${why}`,
          });
          lastError = failure;
          failures.push(`${model}: ${describeError(failure)}`);
          break;
        }
      }
    }

    const final = lastError!;
    throw new ModelError(final.code, `${task}: every model failed (${failures.join("; ")})`, {
      provider: final.provider,
      model: final.model,
      status: final.status,
      retryable: false,
      cause: final,
    });
  }

  return {
    trace,

    chat(task, chat) {
      let attempts = 0;
      let streamedText = false;
      return runChain(
        task,
        chat.domain,
        chat.signal,
        (provider, link, signal) => {
          const attempt = ++attempts;
          if (streamedText) {
            streamedText = false;
            chat.onReset?.();
          }
          // A timed-out attempt whose backend ignores the abort may keep writing: only the current
          // attempt's text reaches the listener.
          const onText = chat.onText
            ? (delta: string) => {
                if (attempt !== attempts) return;
                streamedText = true;
                chat.onText!(delta);
              }
            : undefined;
          return provider.chat({
            task,
            model: link.config.model,
            messages: chat.messages,
            maxTokens: link.config.maxTokens,
            temperature: link.config.temperature,
            signal,
            ...(chat.tools?.length ? { tools: chat.tools } : {}),
            ...(chat.responseFormat ? { responseFormat: chat.responseFormat } : {}),
            ...(chat.domain ? { domain: chat.domain } : {}),
            ...(chat.reasoning ? { reasoning: true } : {}),
            ...(onText ? { onText } : {}),
          });
        },
        (response) => ({
          inputTokens: response.usage.inputTokens,
          outputTokens: response.usage.outputTokens,
          estimated: response.usage.estimated === true,
        }),
      );
    },

    embed(texts, embedOptions = {}) {
      return runChain(
        "embedding",
        undefined,
        embedOptions.signal,
        (provider, link, signal) => provider.embed({ model: link.config.model, texts, signal }),
        (response) => ({
          inputTokens: response.usage.inputTokens,
          outputTokens: 0,
          estimated: response.usage.estimated === true,
        }),
      );
    },

    config(task, domain) {
      return getModelConfig(task, env, specialistDomain(task, domain));
    },

    chain(task, domain) {
      return chainFor(task, domain);
    },
  };
}
