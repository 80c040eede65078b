// The embedded local engine: the provider, and the modules it is built from, for Workers and
// scripts that use them directly (the router Worker's fallback classifier, the eval harness).
export { createLocalProvider, lastUserText, LOCAL_MODEL, type LocalProviderOptions } from "./provider.ts";
export { faultConfigFromEnv, seededDraw, NO_FAULTS, type FaultConfig } from "./faults.ts";
export {
  synthesisMessages,
  parseSynthesisMessages,
  mergeBranchReplies,
  SYNTHESIS_SYSTEM_PROMPT,
  type SynthesisBranch,
} from "./synthesis.ts";
export type { LocalSkill, SkillInput, SkillStep } from "./skill.ts";
export { classifyInContext, classifyMessage } from "./router/index.ts";
export { embedTexts, EMBEDDING_DIMENSIONS, cosineSimilarity } from "./embedding/index.ts";
export * from "./nlu/index.ts";
