// Which model does which job. Every slot has a default and an environment variable that
// overrides it without a deploy; the whole assignment is validated once, at startup, so a typo
// in a variable fails loudly with the variable's name instead of at the first user request.
import { z } from "zod";
import { type Capability, type CatalogEntry, catalog } from "./catalog.ts";

export { BASELINE_MODEL, type Capability, type CatalogEntry, catalog } from "./catalog.ts";

export const TASKS = [
  "router",
  "onboarding",
  "specialist",
  "vision",
  "fallback",
  "synthesis",
  "summary",
  "embedding",
  "judge",
] as const;
export type ModelTask = (typeof TASKS)[number];

export const SPECIALIST_DOMAINS = ["meal", "protocol", "metrics-workout"] as const;
export type SpecialistDomain = (typeof SPECIALIST_DOMAINS)[number];

interface TaskDefaults {
  model: string;
  maxTokens: number;
  temperature: number;
  requires: Capability[];
}

export const TASK_DEFAULTS: Record<ModelTask, TaskDefaults> = {
  router: { model: "@cf/meta/llama-3.1-8b-instruct-fast", maxTokens: 60, temperature: 0, requires: ["json"] },
  onboarding: { model: "@cf/meta/llama-3.1-8b-instruct-fast", maxTokens: 300, temperature: 0.3, requires: ["chat"] },
  specialist: {
    model: "@cf/meta/llama-4-scout-17b-16e-instruct",
    maxTokens: 700,
    temperature: 0.2,
    requires: ["tools"],
  },
  vision: {
    model: "@cf/meta/llama-3.2-11b-vision-instruct",
    maxTokens: 600,
    temperature: 0,
    requires: ["vision", "json"],
  },
  fallback: { model: "@cf/zai-org/glm-4.7-flash", maxTokens: 700, temperature: 0.2, requires: ["tools"] },
  synthesis: { model: "@cf/meta/llama-3.1-8b-instruct-fast", maxTokens: 500, temperature: 0.3, requires: ["chat"] },
  summary: { model: "@cf/meta/llama-3.1-8b-instruct-fast", maxTokens: 300, temperature: 0.2, requires: ["chat"] },
  embedding: { model: "@cf/baai/bge-base-en-v1.5", maxTokens: 0, temperature: 0, requires: ["embedding"] },
  judge: { model: "@cf/meta/llama-3.3-70b-instruct-fp8-fast", maxTokens: 400, temperature: 0, requires: ["json"] },
};

/** The environment variable that overrides a task's model, e.g. `MODEL_SPECIALIST_MEAL`. */
export function modelVariable(task: ModelTask, domain?: SpecialistDomain): string {
  const base = `MODEL_${task.toUpperCase()}`;
  return domain ? `${base}_${domain.replace("-", "_").toUpperCase()}` : base;
}

export type ModelEnvironment = Partial<Record<string, string | undefined>>;

export interface ModelConfig {
  task: ModelTask;
  domain?: SpecialistDomain;
  model: string;
  maxTokens: number;
  temperature: number;
  capabilities: Capability[];
  price: { input: number; output: number };
  /** The variable that chose the model, or "default". */
  source: string;
}

export class ModelConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "ModelConfigError";
    this.variable = variable;
  }
}

// Models outside the catalog (a fine-tune, an Ollama model behind the OpenAI-compatible provider)
// are allowed only when their capabilities are declared, so that "tools" is never assumed.
const extraCatalogSchema = z.record(
  z.string(),
  z.object({
    capabilities: z.array(z.enum(["tools", "json", "vision", "embedding", "reasoning", "chat"])).min(1),
    contextWindow: z.number().int().positive().default(8192),
    price: z.object({ input: z.number().min(0), output: z.number().min(0) }).default({ input: 0, output: 0 }),
  }),
);

function lookUp(modelId: string, environment: ModelEnvironment): CatalogEntry | undefined {
  const known = catalog[modelId];
  if (known) return known;
  const extra = environment.MODEL_CATALOG_EXTRA;
  if (!extra) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(extra);
  } catch {
    throw new ModelConfigError("MODEL_CATALOG_EXTRA", "is not valid JSON");
  }
  const result = extraCatalogSchema.safeParse(parsed);
  if (!result.success) {
    throw new ModelConfigError("MODEL_CATALOG_EXTRA", z.prettifyError(result.error));
  }
  const entry = result.data[modelId];
  return entry ? { id: modelId, ...entry } : undefined;
}

function numberVariable(
  environment: ModelEnvironment,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = environment[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ModelConfigError(name, `must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/**
 * The effective model for a task. Precedence for specialists: `MODEL_SPECIALIST_<DOMAIN>`, then
 * `MODEL_SPECIALIST`, then the default. Throws ModelConfigError naming the variable at fault.
 */
export function getModelConfig(task: ModelTask, environment: ModelEnvironment, domain?: SpecialistDomain): ModelConfig {
  const defaults = TASK_DEFAULTS[task];
  const candidates =
    domain && task === "specialist" ? [modelVariable(task, domain), modelVariable(task)] : [modelVariable(task)];
  const chosenVariable = candidates.find((name) => environment[name]?.trim());
  const model = chosenVariable ? environment[chosenVariable]!.trim() : defaults.model;
  const source = chosenVariable ?? "default";
  const variable = chosenVariable ?? modelVariable(task, task === "specialist" ? domain : undefined);

  const entry = lookUp(model, environment);
  if (!entry) {
    throw new ModelConfigError(
      variable,
      `unknown model "${model}". Use a catalog id, or declare it in MODEL_CATALOG_EXTRA with its capabilities.`,
    );
  }
  if (entry.deprecatedOn && entry.deprecatedOn <= today(environment)) {
    throw new ModelConfigError(
      variable,
      `model "${model}" was deprecated on ${entry.deprecatedOn}; pick a current one.`,
    );
  }
  const missing = defaults.requires.filter((capability) => !entry.capabilities.includes(capability));
  if (missing.length > 0) {
    throw new ModelConfigError(variable, `model "${model}" lacks ${missing.join(", ")}, which the ${task} task needs.`);
  }
  const upper = task.toUpperCase();
  return {
    task,
    ...(domain && task === "specialist" ? { domain } : {}),
    model,
    maxTokens: numberVariable(environment, `MAX_TOKENS_${upper}`, defaults.maxTokens, 0, 32_768),
    temperature: numberVariable(environment, `TEMPERATURE_${upper}`, defaults.temperature, 0, 2),
    capabilities: entry.capabilities,
    price: entry.price,
    source,
  };
}

/** "Today" for deprecation checks; `MODEL_CONFIG_TODAY` pins it in tests. */
function today(environment: ModelEnvironment): string {
  return environment.MODEL_CONFIG_TODAY ?? new Date().toISOString().slice(0, 10);
}

/** Every slot's effective config. Throws on the first invalid one; use at Worker startup. */
export function getAllModelConfigs(environment: ModelEnvironment): ModelConfig[] {
  const configs = TASKS.map((task) => getModelConfig(task, environment));
  for (const domain of SPECIALIST_DOMAINS) configs.push(getModelConfig("specialist", environment, domain));
  return configs;
}

/** Every problem in the assignment at once, for a start-up report; empty when all is well. */
export function validateModelEnvironment(environment: ModelEnvironment): ModelConfigError[] {
  const errors: ModelConfigError[] = [];
  const slots: [ModelTask, SpecialistDomain | undefined][] = [
    ...TASKS.map((task): [ModelTask, undefined] => [task, undefined]),
    ...SPECIALIST_DOMAINS.map((domain): [ModelTask, SpecialistDomain] => ["specialist", domain]),
  ];
  for (const [task, domain] of slots) {
    try {
      getModelConfig(task, environment, domain);
    } catch (error) {
      if (!(error instanceof ModelConfigError)) throw error;
      if (!errors.some((known) => known.message === error.message)) errors.push(error);
    }
  }
  return errors;
}

/** A short stable hash of the effective assignment, so traces and eval caches can name it. */
export function configHash(environment: ModelEnvironment): string {
  const summary = getAllModelConfigs(environment)
    .map((config) => `${config.task}:${config.domain ?? ""}:${config.model}:${config.maxTokens}:${config.temperature}`)
    .join("|");
  return fnv1a(`${environment.AI_PROVIDER ?? "local"}|${summary}`);
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}
