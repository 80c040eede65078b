// The vision Worker end to end: the local path through its RPC entrypoint (wrangler.jsonc says
// AI_PROVIDER=local), and the Workers AI path through the real provider with the AI binding
// replaced by one that answers with the response fixtures.
import { resetCircuitBreakers } from "@ensemble/ai";
import {
  type FoodSearchReply,
  type Result,
  type SearchFoodsRequest,
  analyseImageRequestSchema,
  success,
} from "@ensemble/contracts";
import { env, exports } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedFoods } from "../../embedding/test/seed-foods.ts";
import { DESCRIBE_NOTE, LOCAL_ENGINE_NOTE, analyseImage } from "../src/analyse.ts";
import type { Bindings } from "../src/env.ts";
import { BASELINE_JPEG, LOSSY_WEBP, TINY_GIF } from "./fixtures/images.ts";
import itemsFixture from "./fixtures/workers-ai-vision-items.json" with { type: "json" };
import jsonObjectFixture from "./fixtures/workers-ai-vision-json-object.json" with { type: "json" };
import noFoodFixture from "./fixtures/workers-ai-vision-no-food.json" with { type: "json" };
import proseFixture from "./fixtures/workers-ai-vision-prose.json" with { type: "json" };
import wrongShapeFixture from "./fixtures/workers-ai-vision-wrong-shape.json" with { type: "json" };
import { encodePng, fromBase64, toBase64 } from "./png.ts";

const LUNCH = "my lunch: chicken salad and a roll";

function request(
  overrides: Partial<{ image: string; mediaType: "image/jpeg" | "image/png" | "image/webp"; text: string }> = {},
) {
  return analyseImageRequestSchema.parse({
    requestId: "user-1:request-1",
    image: BASELINE_JPEG,
    mediaType: "image/jpeg",
    ...overrides,
  });
}

/** An AI binding that answers each run with the next scripted body (or throws it), and records the runs. */
function scriptedBinding(script: unknown[]) {
  const runs: { model: string; inputs: Record<string, unknown> }[] = [];
  return {
    runs,
    async run(model: string, inputs: unknown) {
      const index = runs.push({ model, inputs: inputs as Record<string, unknown> }) - 1;
      const step = script[Math.min(index, script.length - 1)];
      if (step instanceof Error) throw step;
      return structuredClone(step);
    },
  };
}

/** A stand-in for the embedding Worker's search: a few foods by keyword. */
const FOOD_IDS: Record<string, number> = { chicken: 5064, salad: 11251, roll: 18350, banana: 9040 };
function fakeSearch() {
  const queries: SearchFoodsRequest[] = [];
  const search = async (query: SearchFoodsRequest): Promise<Result<FoodSearchReply>> => {
    queries.push(query);
    const key = Object.keys(FOOD_IDS).find((word) => query.query.includes(word));
    const hits = key
      ? [
          {
            food: { id: FOOD_IDS[key]!, name: key, group: "test", per100g: {} as never, measures: [] },
            score: 0.9,
            why: ["test"],
          },
        ]
      : [];
    return success({ query: query.query, understood: { text: query.query, filters: {} }, hits });
  };
  return { queries, search };
}

const WORKERS_AI = { AI_PROVIDER: "workers-ai" };
const noSleep = async () => {};

beforeEach(() => resetCircuitBreakers());

describe("the local path (AI_PROVIDER=local): measured, honest, never invents foods", () => {
  it("measures the photo and hands on the user's words", async () => {
    const result = await exports.default.analyse({
      requestId: "r1",
      image: BASELINE_JPEG,
      mediaType: "image/jpeg",
      text: LUNCH,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.items).toEqual([]);
    expect(result.value.source).toBe("text");
    expect(result.value.notes[0]).toBe("photo: 64×48 JPEG, 419 bytes");
    expect(result.value.notes.join(" ")).toContain(LOCAL_ENGINE_NOTE);
    expect(result.value.notes).not.toContain(DESCRIBE_NOTE);
    // No model was asked anything.
    expect(result.value.ledger).toEqual([]);
    expect(result.value.spans.map((span) => `${span.name}:${span.status}`)).toEqual([
      "vision:measure:ok",
      "vision:model:skipped",
    ]);
  });

  it("asks for a description when the photo came without words", async () => {
    const png = await encodePng(640, 480);
    const result = await exports.default.analyse({ requestId: "r2", image: toBase64(png), mediaType: "image/png" });
    expect(result).toMatchObject({ ok: true, value: { items: [], source: "none" } });
    if (!result.ok) return;
    expect(result.value.notes[0]).toBe(`photo: 640×480 PNG, ${Math.round(png.length / 1024)} KB`);
    expect(result.value.notes).toContain(DESCRIBE_NOTE);
  });

  it("treats words that are only whitespace as no words", async () => {
    const result = await exports.default.analyse({
      requestId: "r3",
      image: LOSSY_WEBP,
      mediaType: "image/webp",
      text: "   ",
    });
    expect(result).toMatchObject({
      ok: true,
      value: { source: "none", notes: expect.arrayContaining(["photo: 50×30 WebP, 108 bytes", DESCRIBE_NOTE]) },
    });
  });

  it("never calls a model, even with an AI binding present", async () => {
    const ai = scriptedBinding([itemsFixture]);
    const result = await analyseImage(request({ text: LUNCH }), {
      env: { AI_PROVIDER: "local" },
      ai,
      searchFoods: fakeSearch().search,
    });
    expect(result).toMatchObject({ ok: true, value: { items: [], source: "text" } });
    expect(ai.runs).toHaveLength(0);
  });
});

describe("refusals over RPC: Result failures, nothing thrown", () => {
  const jpeg = fromBase64(BASELINE_JPEG);
  it.each([
    ["a GIF", TINY_GIF, "image/jpeg", "unsupported_media_type"],
    ["a renamed text file", btoa("my lunch: chicken salad and a roll, honest"), "image/jpeg", "unsupported_media_type"],
    ["a truncated JPEG", toBase64(jpeg.subarray(0, jpeg.length - 50)), "image/jpeg", "bad_request"],
    ["a JPEG declared as PNG", BASELINE_JPEG, "image/png", "bad_request"],
    ["text that is not base64", "data:image/jpeg;base64,/9j/", "image/jpeg", "bad_request"],
  ] as const)("refuses %s", async (_, image, mediaType, code) => {
    const result = await exports.default.analyse({ requestId: "r", image, mediaType, text: LUNCH });
    expect(result).toMatchObject({ ok: false, error: { code, retryable: false } });
  });

  it("refuses an image over 5 MB", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1024);
    big.set(fromBase64(BASELINE_JPEG));
    const result = await exports.default.analyse({ requestId: "r", image: toBase64(big), mediaType: "image/jpeg" });
    expect(result).toMatchObject({ ok: false, error: { code: "payload_too_large" } });
  });

  it("refuses a request that breaks the contract", async () => {
    const result = await exports.default.analyse({
      requestId: "r",
      image: TINY_GIF,
      mediaType: "image/gif" as "image/jpeg",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "bad_request", message: expect.stringContaining("mediaType") },
    });
  });
});

describe("the Workers AI path (recorded-shape responses)", () => {
  it("sends the photo and the words to the vision model, then resolves each item to a USDA food", async () => {
    const ai = scriptedBinding([itemsFixture]);
    const foods = fakeSearch();
    const result = await analyseImage(request({ text: LUNCH }), { env: WORKERS_AI, ai, searchFoods: foods.search });

    expect(ai.runs).toHaveLength(1);
    expect(ai.runs[0]!.model).toBe("@cf/meta/llama-3.2-11b-vision-instruct");
    expect(ai.runs[0]!.inputs.response_format).toEqual({ type: "json_object" });
    const messages = ai.runs[0]!.inputs.messages as { role: string; content: unknown }[];
    expect(messages[0]!.role).toBe("system");
    expect(messages[1]!.content).toEqual([
      { type: "text", text: expect.stringContaining(LUNCH) },
      { type: "image_url", image_url: { url: `data:image/jpeg;base64,${BASELINE_JPEG}` } },
    ]);

    expect(result).toMatchObject({
      ok: true,
      value: {
        source: "model",
        items: [
          { name: "grilled chicken breast", grams: 140, confidence: 0.82, foodId: 5064 },
          { name: "mixed green salad", grams: 90, confidence: 0.74, foodId: 11251 },
          { name: "bread roll", grams: 60, confidence: 0.66, foodId: 18350 },
        ],
        notes: ["photo: 64×48 JPEG, 419 bytes"],
      },
    });
    expect(foods.queries.map((query) => query.query)).toEqual([
      "grilled chicken breast",
      "mixed green salad",
      "bread roll",
    ]);
    if (!result.ok) return;
    expect(result.value.ledger).toEqual([
      expect.objectContaining({
        task: "vision",
        model: "@cf/meta/llama-3.2-11b-vision-instruct",
        provider: "workers-ai",
        inputTokens: 1642,
        outputTokens: 71,
        ok: true,
      }),
    ]);
  });

  it("takes JSON mode's parsed object, and MODEL_VISION picks the model", async () => {
    const ai = scriptedBinding([jsonObjectFixture]);
    const overridden = { ...WORKERS_AI, MODEL_VISION: "@cf/meta/llama-4-scout-17b-16e-instruct" };
    const result = await analyseImage(request(), { env: overridden, ai, searchFoods: fakeSearch().search });
    expect(ai.runs[0]!.model).toBe("@cf/meta/llama-4-scout-17b-16e-instruct");
    expect(result).toMatchObject({
      ok: true,
      value: { source: "model", items: [{ name: "banana", grams: 118, confidence: 0.93, foodId: 9040 }] },
    });
  });

  it("retries malformed output once, telling the model what was wrong", async () => {
    const ai = scriptedBinding([proseFixture, itemsFixture]);
    const result = await analyseImage(request({ text: LUNCH }), {
      env: WORKERS_AI,
      ai,
      searchFoods: fakeSearch().search,
    });
    expect(ai.runs).toHaveLength(2);
    const retry = ai.runs[1]!.inputs.messages as { role: string; content: unknown }[];
    expect(retry).toHaveLength(4);
    expect(retry[1]!.content).toEqual(
      expect.arrayContaining([{ type: "image_url", image_url: { url: `data:image/jpeg;base64,${BASELINE_JPEG}` } }]),
    );
    expect(retry[2]).toMatchObject({ role: "assistant", content: proseFixture.response });
    expect(retry[3]).toMatchObject({
      role: "user",
      content: expect.stringContaining("could not be used: the reply was not JSON"),
    });
    expect(result).toMatchObject({
      ok: true,
      value: { source: "model", items: [{ foodId: 5064 }, { foodId: 11251 }, { foodId: 18350 }] },
    });
    if (!result.ok) return;
    expect(result.value.ledger).toHaveLength(2);
    expect(result.value.spans.filter((span) => span.name === "vision:validate")).toEqual([
      expect.objectContaining({ status: "retry", detail: "the reply was not JSON" }),
    ]);
  });

  it("names the exact fields that were wrong in the retry", async () => {
    const ai = scriptedBinding([wrongShapeFixture, itemsFixture]);
    await analyseImage(request(), { env: WORKERS_AI, ai, searchFoods: fakeSearch().search });
    const retry = ai.runs[1]!.inputs.messages as { role: string; content: string }[];
    expect(retry[3]!.content).toContain(
      "items.0.grams: grams must be a number (no units); items.0.confidence: confidence must be a number from 0 to 1",
    );
  });

  it("reports honestly when the output is malformed twice: no items, the words handed on", async () => {
    const ai = scriptedBinding([proseFixture, wrongShapeFixture, itemsFixture]);
    const result = await analyseImage(request({ text: LUNCH }), {
      env: WORKERS_AI,
      ai,
      searchFoods: fakeSearch().search,
    });
    expect(ai.runs).toHaveLength(2);
    expect(result).toMatchObject({ ok: true, value: { items: [], source: "text" } });
    if (!result.ok) return;
    expect(result.value.notes).toEqual([
      "photo: 64×48 JPEG, 419 bytes",
      "no foods were read from the photo: the vision model's answer was unusable twice (items.0.grams: grams must be a number (no units); items.0.confidence: confidence must be a number from 0 to 1)",
    ]);
    expect(result.value.spans.filter((span) => span.name === "vision:validate").map((span) => span.status)).toEqual([
      "retry",
      "error",
    ]);
  });

  it("asks for a description when the output is malformed twice and there are no words", async () => {
    const ai = scriptedBinding([proseFixture]);
    const result = await analyseImage(request(), { env: WORKERS_AI, ai, searchFoods: fakeSearch().search });
    expect(result).toMatchObject({
      ok: true,
      value: { items: [], source: "none", notes: expect.arrayContaining([DESCRIBE_NOTE]) },
    });
  });

  it("says so when the model sees no food", async () => {
    const ai = scriptedBinding([noFoodFixture]);
    const result = await analyseImage(request({ text: LUNCH }), {
      env: WORKERS_AI,
      ai,
      searchFoods: fakeSearch().search,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        items: [],
        source: "text",
        notes: ["photo: 64×48 JPEG, 419 bytes", "the vision model saw no food in the photo"],
      },
    });
  });

  it("degrades honestly when the vision model is down (after the client's own retries)", async () => {
    const ai = scriptedBinding([new Error("3040: Capacity temporarily exceeded, please try again.")]);
    const result = await analyseImage(request(), {
      env: WORKERS_AI,
      ai,
      searchFoods: fakeSearch().search,
      sleep: noSleep,
    });
    expect(ai.runs).toHaveLength(3); // one call and MODEL_MAX_RETRIES (2) retries
    expect(result).toMatchObject({ ok: true, value: { items: [], source: "none" } });
    if (!result.ok) return;
    expect(result.value.notes[1]).toMatch(/^no foods were read from the photo: the vision model is unavailable/);
    expect(result.value.ledger.every((entry) => !entry.ok)).toBe(true);
  });

  it("makes one note when every lookup fails the same way", async () => {
    const ai = scriptedBinding([itemsFixture]);
    const searchFoods = async (): Promise<Result<FoodSearchReply>> => ({
      ok: false,
      error: { code: "unavailable", message: "index not loaded", retryable: true },
    });
    const result = await analyseImage(request(), { env: WORKERS_AI, ai, searchFoods });
    expect(result).toMatchObject({
      ok: true,
      value: {
        notes: [
          "photo: 64×48 JPEG, 419 bytes",
          'food lookup failed for "grilled chicken breast", "mixed green salad", "bread roll": index not loaded',
        ],
      },
    });
  });

  it("keeps the items when a food lookup fails or finds nothing, and says which", async () => {
    const ai = scriptedBinding([itemsFixture]);
    const searchFoods = async (query: SearchFoodsRequest): Promise<Result<FoodSearchReply>> => {
      if (query.query.includes("salad")) throw new Error("embedding Worker unreachable");
      return success({ query: query.query, understood: { text: query.query, filters: {} }, hits: [] });
    };
    const result = await analyseImage(request(), { env: WORKERS_AI, ai, searchFoods });
    expect(result).toMatchObject({ ok: true, value: { source: "model" } });
    if (!result.ok) return;
    expect(result.value.items.map((item) => item.foodId)).toEqual([undefined, undefined, undefined]);
    expect(result.value.notes.slice(1)).toEqual([
      'food lookup failed for "mixed green salad": embedding Worker unreachable',
      'no USDA food matches "grilled chicken breast", "bread roll"',
    ]);
  });

  it("fails loudly when Workers AI is chosen but there is no AI binding", async () => {
    const result = await analyseImage(request(), { env: WORKERS_AI, searchFoods: fakeSearch().search });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "internal", message: expect.stringContaining("AI_PROVIDER") },
    });
  });
});

describe("food resolution through the real embedding Worker", () => {
  beforeAll(() => seedFoods(env.EMBEDDING_DB), 120_000);

  it("puts a USDA food id on each item the model saw", async () => {
    const bindings = env as unknown as Bindings;
    const ai = scriptedBinding([itemsFixture]);
    const result = await analyseImage(request({ text: LUNCH }), {
      env: WORKERS_AI,
      ai,
      searchFoods: (query) => bindings.EMBEDDING.searchFoods(query),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.notes).toEqual(["photo: 64×48 JPEG, 419 bytes"]);
    const chicken = result.value.items[0]!;
    expect(chicken.foodId).toEqual(expect.any(Number));
    const food = await bindings.EMBEDDING.getFood(chicken.foodId!);
    expect(food.ok && food.value.name.toLowerCase()).toContain("chicken");
  });
});
