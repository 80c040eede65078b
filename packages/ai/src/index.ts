// The public API of the inference layer. Workers import from here; the local engine's own
// modules are under "@ensemble/ai/local", test helpers under "@ensemble/ai/testing".
export type * from "./types.ts";
export { Trace } from "./trace.ts";
export { ModelError, type ModelErrorCode, isModelError, describeError, parseRetryAfter } from "./errors.ts";
export {
  createModelClient,
  resilienceSettings,
  backoffDelay,
  DEFAULT_TIMEOUT_MS,
  type ModelClient,
  type ModelClientOptions,
  type ChatOptions,
  type ResilienceSettings,
} from "./client.ts";
export { resolveChain, validateChains, providerChoice, type ChainLink, type ProviderChoice } from "./chain.ts";
export { resetCircuitBreakers, breakerState, type BreakerState } from "./breaker.ts";
export { summariseUsage, costUsd } from "./usage.ts";
export { estimateTextTokens, estimateInputTokens, estimateUsage } from "./tokens.ts";
export { parseRouterOutput, type RouterOutput } from "./router-output.ts";
export { runTools, toToolSpec, type RunToolsOptions, type RunToolsResult, type ToolRunEvents } from "./tool-runner.ts";
export { createWorkersAiProvider, type AiBinding, type WorkersAiProviderOptions } from "./providers/workers-ai.ts";
export {
  createOpenAiCompatibleProvider,
  openAiCompatibleOptionsFromEnv,
  type OpenAiCompatibleOptions,
} from "./providers/openai-compatible.ts";
export { synthesisMessages, SYNTHESIS_SYSTEM_PROMPT, type SynthesisBranch } from "./local/synthesis.ts";
export type { LocalSkill, SkillInput, SkillStep } from "./local/skill.ts";
export { liveUpdates, runSpecialist, type SpecialistOptions } from "./specialist.ts";
export {
  analyseIntent,
  guardToolCall,
  type ClauseAnalysis,
  type GuardDecision,
  type GuardedTool,
  type IntentAnalysis,
} from "./guard/index.ts";
