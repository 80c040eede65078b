import { describe, expect, it } from "vitest";
import {
  ModelConfigError,
  configHash,
  getAllModelConfigs,
  getModelConfig,
  modelVariable,
  validateModelEnvironment,
} from "./index.ts";

const pinned = { MODEL_CONFIG_TODAY: "2026-11-28" };

describe("getModelConfig", () => {
  it("uses the documented defaults", () => {
    expect(getModelConfig("router", pinned)).toMatchObject({
      model: "@cf/meta/llama-3.1-8b-instruct-fast",
      maxTokens: 60,
      source: "default",
    });
    expect(getModelConfig("onboarding", pinned).model).toBe("@cf/meta/llama-3.1-8b-instruct-fast");
    expect(getModelConfig("vision", pinned).model).toBe("@cf/meta/llama-3.2-11b-vision-instruct");
    expect(getModelConfig("specialist", pinned).model).toBe("@cf/meta/llama-4-scout-17b-16e-instruct");
    expect(getModelConfig("fallback", pinned).model).toBe("@cf/zai-org/glm-4.7-flash");
    expect(getModelConfig("embedding", pinned).model).toBe("@cf/baai/bge-base-en-v1.5");
  });

  it.each([
    ["router", "MODEL_ROUTER", "@cf/zai-org/glm-4.7-flash"],
    ["onboarding", "MODEL_ONBOARDING", "@cf/meta/llama-4-scout-17b-16e-instruct"],
    ["specialist", "MODEL_SPECIALIST", "@cf/meta/llama-3.3-70b-instruct-fp8-fast"],
    ["vision", "MODEL_VISION", "@cf/meta/llama-4-scout-17b-16e-instruct"],
    ["fallback", "MODEL_FALLBACK", "@cf/meta/llama-3.3-70b-instruct-fp8-fast"],
    ["synthesis", "MODEL_SYNTHESIS", "@cf/meta/llama-4-scout-17b-16e-instruct"],
    ["summary", "MODEL_SUMMARY", "@cf/zai-org/glm-4.7-flash"],
    ["embedding", "MODEL_EMBEDDING", "local"],
    ["judge", "MODEL_JUDGE", "@cf/meta/llama-4-scout-17b-16e-instruct"],
  ] as const)("%s is overridden by %s", (task, variable, model) => {
    const config = getModelConfig(task, { ...pinned, [variable]: model });
    expect(config.model).toBe(model);
    expect(config.source).toBe(variable);
  });

  it("lets a per-domain specialist variable win over MODEL_SPECIALIST for that domain only", () => {
    const environment = {
      ...pinned,
      MODEL_SPECIALIST: "@cf/zai-org/glm-4.7-flash",
      MODEL_SPECIALIST_METRICS_WORKOUT: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    };
    expect(getModelConfig("specialist", environment, "metrics-workout").model).toBe(
      "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    );
    expect(getModelConfig("specialist", environment, "metrics-workout").source).toBe(
      "MODEL_SPECIALIST_METRICS_WORKOUT",
    );
    expect(getModelConfig("specialist", environment, "meal").model).toBe("@cf/zai-org/glm-4.7-flash");
    expect(getModelConfig("specialist", { ...pinned, MODEL_SPECIALIST_MEAL: "local" }, "protocol").source).toBe(
      "default",
    );
    expect(modelVariable("specialist", "metrics-workout")).toBe("MODEL_SPECIALIST_METRICS_WORKOUT");
  });

  it("reads per-task max tokens and temperature and rejects bad numbers", () => {
    const config = getModelConfig("router", { ...pinned, MAX_TOKENS_ROUTER: "80", TEMPERATURE_ROUTER: "0.5" });
    expect(config).toMatchObject({ maxTokens: 80, temperature: 0.5 });
    expect(() => getModelConfig("router", { ...pinned, TEMPERATURE_ROUTER: "hot" })).toThrow(/TEMPERATURE_ROUTER/);
  });

  it("names the variable for an unknown model", () => {
    expect(() => getModelConfig("specialist", { ...pinned, MODEL_SPECIALIST_MEAL: "@cf/nope/model" }, "meal")).toThrow(
      /MODEL_SPECIALIST_MEAL: unknown model "@cf\/nope\/model"/,
    );
  });

  it("rejects a deprecated model after its date, naming the variable", () => {
    const environment = { ...pinned, MODEL_ROUTER: "@cf/meta/llama-3.1-8b-instruct" };
    expect(() => getModelConfig("router", environment)).toThrow(/MODEL_ROUTER: .*deprecated on 2026-05-30/);
    // Before the date it was still served.
    expect(getModelConfig("router", { ...environment, MODEL_CONFIG_TODAY: "2026-05-01" }).model).toBe(
      "@cf/meta/llama-3.1-8b-instruct",
    );
  });

  it("rejects a model that lacks the task's capability", () => {
    expect(() => getModelConfig("specialist", { ...pinned, MODEL_SPECIALIST: "@cf/baai/bge-base-en-v1.5" })).toThrow(
      /MODEL_SPECIALIST: .*lacks tools/,
    );
    expect(() =>
      getModelConfig("fallback", { ...pinned, MODEL_FALLBACK: "@cf/meta/llama-3.2-11b-vision-instruct" }),
    ).toThrow(/lacks tools/);
    expect(() => getModelConfig("vision", { ...pinned, MODEL_VISION: "@cf/meta/llama-3.1-8b-instruct-fast" })).toThrow(
      /lacks vision/,
    );
    expect(() => getModelConfig("embedding", { ...pinned, MODEL_EMBEDDING: "@cf/zai-org/glm-4.7-flash" })).toThrow(
      /lacks embedding/,
    );
  });

  it("allows a model outside the catalog only with declared capabilities", () => {
    const declared = JSON.stringify({ "qwen2.5:7b": { capabilities: ["chat", "json", "tools"] } });
    const config = getModelConfig("specialist", {
      ...pinned,
      MODEL_SPECIALIST: "qwen2.5:7b",
      MODEL_CATALOG_EXTRA: declared,
    });
    expect(config.capabilities).toContain("tools");
    expect(() =>
      getModelConfig("vision", { ...pinned, MODEL_VISION: "qwen2.5:7b", MODEL_CATALOG_EXTRA: declared }),
    ).toThrow(/lacks vision/);
    expect(() =>
      getModelConfig("specialist", { ...pinned, MODEL_SPECIALIST: "qwen2.5:7b", MODEL_CATALOG_EXTRA: "{not json" }),
    ).toThrow(ModelConfigError);
  });
});

describe("whole assignment", () => {
  it("validates every slot and reports each problem once", () => {
    expect(validateModelEnvironment(pinned)).toEqual([]);
    const errors = validateModelEnvironment({
      ...pinned,
      MODEL_ROUTER: "nope",
      MODEL_VISION: "@cf/baai/bge-base-en-v1.5",
    });
    expect(errors.map((error) => error.variable)).toEqual(["MODEL_ROUTER", "MODEL_VISION"]);
  });

  it("has a short hash that is stable and changes with the assignment", () => {
    const first = configHash(pinned);
    expect(first).toMatch(/^[0-9a-f]{8}$/);
    expect(configHash({ ...pinned })).toBe(first);
    expect(configHash({ ...pinned, MODEL_SPECIALIST_MEAL: "@cf/zai-org/glm-4.7-flash" })).not.toBe(first);
    expect(getAllModelConfigs(pinned)).toHaveLength(12);
  });
});
