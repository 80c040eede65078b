// The models the platform knows, with what each can do and what it costs. Prices are USD per
// million tokens from Cloudflare's Workers AI pricing page; the local engine is free.

export type Capability = "tools" | "json" | "vision" | "embedding" | "reasoning" | "chat";

export interface CatalogEntry {
  id: string;
  capabilities: Capability[];
  contextWindow: number;
  /** USD per million tokens. */
  price: { input: number; output: number };
  /** ISO date after which Workers AI no longer serves the model. */
  deprecatedOn?: string;
  /** Set for models the local engine implements, so the catalog covers offline runs too. */
  local?: boolean;
}

export const catalog: Record<string, CatalogEntry> = {
  "@cf/meta/llama-3.1-8b-instruct-fast": {
    id: "@cf/meta/llama-3.1-8b-instruct-fast",
    capabilities: ["chat", "json", "tools"],
    contextWindow: 128_000,
    price: { input: 0.045, output: 0.384 },
  },
  "@cf/meta/llama-3.2-11b-vision-instruct": {
    id: "@cf/meta/llama-3.2-11b-vision-instruct",
    capabilities: ["chat", "json", "vision"],
    contextWindow: 128_000,
    price: { input: 0.049, output: 0.676 },
  },
  "@cf/meta/llama-4-scout-17b-16e-instruct": {
    id: "@cf/meta/llama-4-scout-17b-16e-instruct",
    capabilities: ["chat", "json", "tools", "vision"],
    contextWindow: 131_000,
    price: { input: 0.27, output: 0.85 },
  },
  "@cf/zai-org/glm-4.7-flash": {
    id: "@cf/zai-org/glm-4.7-flash",
    capabilities: ["chat", "json", "tools", "reasoning"],
    contextWindow: 131_072,
    price: { input: 0.0605, output: 0.4 },
  },
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast": {
    id: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    capabilities: ["chat", "json", "tools"],
    contextWindow: 24_000,
    price: { input: 0.293, output: 2.253 },
  },
  "@cf/baai/bge-base-en-v1.5": {
    id: "@cf/baai/bge-base-en-v1.5",
    capabilities: ["embedding"],
    contextWindow: 512,
    price: { input: 0.067, output: 0 },
  },
  // Kept so that a configuration naming them fails with a clear "deprecated" error instead of
  // "unknown model": they were common defaults before 2026-05-30.
  "@cf/meta/llama-3.1-8b-instruct": {
    id: "@cf/meta/llama-3.1-8b-instruct",
    capabilities: ["chat", "json", "tools"],
    contextWindow: 128_000,
    price: { input: 0.282, output: 0.827 },
    deprecatedOn: "2026-05-30",
  },
  "@cf/meta/llama-3.1-70b-instruct": {
    id: "@cf/meta/llama-3.1-70b-instruct",
    capabilities: ["chat", "json", "tools"],
    contextWindow: 128_000,
    price: { input: 0.293, output: 2.253 },
    deprecatedOn: "2026-05-30",
  },
  local: {
    id: "local",
    capabilities: ["chat", "json", "tools", "embedding"],
    contextWindow: 1_000_000,
    price: { input: 0, output: 0 },
    local: true,
  },
};

/** The comparison baseline for cost benchmarks: everything on one big model. */
export const BASELINE_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
