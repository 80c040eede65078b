// Which models a task tries, in order. The default is the task's own model, then the platform's
// fallback model (`MODEL_FALLBACK`), then the embedded local engine as the last resort:
//
//   FALLBACK_CHAIN=primary,fallback,local        every task
//   MODEL_CHAIN_ROUTER=primary,local             one task (wins over FALLBACK_CHAIN)
//   MODEL_CHAIN_JUDGE=primary,@cf/zai-org/glm-4.7-flash
//
// Tokens: `primary`, `fallback`, `local`, or a model id. An explicit chain is validated strictly:
// every model must have the task's capabilities, or start-up fails naming the variable. The
// default chain instead leaves out links that cannot do the task (GLM cannot see images, the
// local engine cannot either), because those are facts about the models, not configuration
// mistakes.
import {
  type ModelConfig,
  ModelConfigError,
  type ModelEnvironment,
  type ModelTask,
  SPECIALIST_DOMAINS,
  type SpecialistDomain,
  TASKS,
  TASK_DEFAULTS,
  catalog,
  getModelConfig,
  modelVariable,
} from "@ensemble/model-config";
import { LOCAL_MODEL } from "./local/provider.ts";
import type { ProviderName } from "./types.ts";

export type ProviderChoice = "local" | "workers-ai" | "openai-compatible";

export interface ChainLink {
  provider: ProviderName;
  /** Model, token limits and price for this link; `source` is the chain token it came from. */
  config: ModelConfig;
}

const PROVIDER_CHOICES: ProviderChoice[] = ["local", "workers-ai", "openai-compatible"];

/** `AI_PROVIDER`: which backend serves the configured models. The local engine is the default. */
export function providerChoice(env: ModelEnvironment): ProviderChoice {
  const raw = env.AI_PROVIDER?.trim() || "local";
  if (!PROVIDER_CHOICES.includes(raw as ProviderChoice)) {
    throw new ModelConfigError("AI_PROVIDER", `must be one of ${PROVIDER_CHOICES.join(", ")}, got "${raw}"`);
  }
  return raw as ProviderChoice;
}

// Embeddings do not fall back by default: vectors from another model live in another space, and
// mixing them into one index silently ruins search. Opt in with MODEL_CHAIN_EMBEDDING.
function defaultTokens(task: ModelTask): string[] {
  return task === "embedding" ? ["primary"] : ["primary", "fallback", "local"];
}

export function chainVariable(task: ModelTask, env: ModelEnvironment): string | undefined {
  const own = `MODEL_CHAIN_${task.toUpperCase()}`;
  if (env[own]?.trim()) return own;
  if (env.FALLBACK_CHAIN?.trim()) return "FALLBACK_CHAIN";
  return undefined;
}

function specialistDomain(task: ModelTask, domain: string | undefined): SpecialistDomain | undefined {
  return task === "specialist" && SPECIALIST_DOMAINS.includes(domain as SpecialistDomain)
    ? (domain as SpecialistDomain)
    : undefined;
}

/** The task's config with another model in it; getModelConfig does the capability check. */
function configWithModel(
  task: ModelTask,
  env: ModelEnvironment,
  domain: SpecialistDomain | undefined,
  model: string,
  token: string,
): ModelConfig {
  const config = getModelConfig(task, { ...env, [modelVariable(task, domain)]: model }, domain);
  return { ...config, source: token };
}

function hasCapabilities(task: ModelTask, capabilities: readonly string[]): boolean {
  return TASK_DEFAULTS[task].requires.every((capability) => capabilities.includes(capability));
}

export function resolveChain(task: ModelTask, env: ModelEnvironment, domain?: string): ChainLink[] {
  const choice = providerChoice(env);
  const specialist = specialistDomain(task, domain);
  const primary = getModelConfig(task, env, specialist);
  const variable = chainVariable(task, env);
  const tokens = variable
    ? env[variable]!.split(",")
        .map((token) => token.trim())
        .filter(Boolean)
    : defaultTokens(task);
  if (variable && tokens.length === 0) throw new ModelConfigError(variable, "names no models");

  const links: ChainLink[] = [];
  for (const token of tokens) {
    const provider: ProviderName = token === "local" ? "local" : choice;
    let config: ModelConfig;
    if (token === "primary") {
      config = primary;
    } else if (!variable) {
      // Default chain: skip links that lack the task's capabilities instead of failing.
      const model = token === "fallback" ? getModelConfig("fallback", env).model : LOCAL_MODEL;
      const capabilities =
        token === "fallback"
          ? getModelConfig("fallback", env).capabilities
          : (catalog[LOCAL_MODEL]?.capabilities ?? []);
      if (!hasCapabilities(task, capabilities)) continue;
      config = configWithModel(task, env, specialist, model, token);
    } else {
      const model =
        token === "fallback" ? getModelConfig("fallback", env).model : token === "local" ? LOCAL_MODEL : token;
      try {
        config = configWithModel(task, env, specialist, model, token);
      } catch (error) {
        if (!(error instanceof ModelConfigError)) throw error;
        throw new ModelConfigError(variable, `"${token}": ${error.message.replace(/^[A-Z_]+: /, "")}`);
      }
    }
    if (!links.some((link) => link.provider === provider && link.config.model === config.model))
      links.push({ provider, config });
  }
  return links;
}

/** Only the string variables of a Worker env; bindings are objects. */
export function stringVariables(env: object): ModelEnvironment {
  const variables: ModelEnvironment = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === "string") variables[name] = value;
  return variables;
}

/**
 * Every chain's problems at once, for a start-up check; empty when all is well. Takes the Worker's
 * env as it is. Includes AI_PROVIDER and every model variable, since chains start with them.
 */
export function validateChains(workerEnv: object): ModelConfigError[] {
  const env = stringVariables(workerEnv);
  const errors: ModelConfigError[] = [];
  const slots: [ModelTask, string | undefined][] = [
    ...TASKS.map((task): [ModelTask, undefined] => [task, undefined]),
    ...SPECIALIST_DOMAINS.map((domain): [ModelTask, string] => ["specialist", domain]),
  ];
  for (const [task, domain] of slots) {
    try {
      resolveChain(task, env, domain);
    } catch (error) {
      if (!(error instanceof ModelConfigError)) throw error;
      if (!errors.some((known) => known.message === error.message)) errors.push(error);
    }
  }
  return errors;
}
