// One food photo, start to finish:
//   1. measure it (format, width, height, size) from its own headers; refuse what is not a photo
//   2. if a model in the vision chain can see: ask it for {items: [{name, grams, confidence}]},
//      validate, ask once more saying what was wrong, then resolve each item to a USDA food id
//   3. otherwise, or when the model's answer stays unusable: say so, and hand on the user's own
//      words (source "text") or nothing (source "none": the reply must ask for a description).
// Foods are never invented: items only ever come from a model that saw the photo.
import {
  type AiBinding,
  type ChatMessage,
  type ModelClient,
  type ModelClientOptions,
  Trace,
  createModelClient,
  describeError,
  isModelError,
} from "@ensemble/ai";
import { ModelConfigError } from "@ensemble/model-config";
import { type AnalyseImageReply, type Result, analyseImageRequestSchema, failure, success } from "@ensemble/contracts";
import type { z } from "zod";
import { type ImageInfo, describeImage, measureBase64Image } from "./image-info.ts";
import { type ModelItem, parseVisionOutput } from "./model-output.ts";
import { retryMessages, visionMessages } from "./prompt.ts";
import { type SearchFoods, resolveFoods } from "./resolve-foods.ts";

export type ParsedAnalyseImageRequest = z.infer<typeof analyseImageRequestSchema>;

export interface AnalyseOptions {
  /** The Worker's env: AI_PROVIDER, MODEL_VISION, chain and retry settings, and the `AI` binding. */
  env: Record<string, unknown>;
  searchFoods: SearchFoods;
  /** For tests: a Workers AI binding or providers standing in for the real ones. */
  ai?: AiBinding;
  providers?: ModelClientOptions["providers"];
  sleep?: ModelClientOptions["sleep"];
}

export const NOT_SEEN_NOTE = "no foods were read from the photo";
// No example foods in here: notes travel inside the meal specialist's message, and an example
// would be a food its parser could pick up and log.
export const DESCRIBE_NOTE = "no words came with the photo: ask the user to describe the meal in words";
export const LOCAL_ENGINE_NOTE = "the local engine has no image understanding, so the photo was only measured";

/** True when some model in the vision chain can look at images; the local engine cannot. */
export function canSeeImages(client: ModelClient): boolean {
  return client.chain("vision").some((link) => link.provider !== "local");
}

type ModelAnswer = { ok: true; items: ModelItem[] } | { ok: false; problem: string };

async function askModel(client: ModelClient, messages: ChatMessage[], trace: Trace): Promise<ModelAnswer> {
  let conversation = messages;
  let problem = "";
  for (let attempt = 1; attempt <= 2; attempt++) {
    let text: string;
    try {
      const response = await client.chat("vision", { messages: conversation, responseFormat: "json" });
      // Belt and braces: the local engine never answers for what it cannot see.
      if (response.provider === "local")
        return { ok: false, problem: "only the local engine answered, and it cannot see images" };
      text = response.text;
    } catch (error) {
      if (isModelError(error))
        return { ok: false, problem: `the vision model is unavailable (${describeError(error)})` };
      throw error;
    }
    const parsed = parseVisionOutput(text);
    if (parsed.ok) return parsed;
    problem = parsed.problem;
    trace.add({
      name: "vision:validate",
      startMs: Date.now(),
      durationMs: 0,
      status: attempt === 1 ? "retry" : "error",
      detail: problem,
    });
    conversation = retryMessages(messages, text, problem);
  }
  return { ok: false, problem: `the vision model's answer was unusable twice (${problem})` };
}

/** Items are empty here: what the user ate comes from their words, or is asked for. */
function withoutItems(text: string, notes: string[], trace: Trace): AnalyseImageReply {
  const hasText = text.trim().length > 0;
  return {
    items: [],
    source: hasText ? "text" : "none",
    notes: hasText ? notes : [...notes, DESCRIBE_NOTE],
    ledger: trace.ledger,
    spans: trace.spans,
  };
}

export async function analyseImage(
  request: ParsedAnalyseImageRequest,
  options: AnalyseOptions,
): Promise<Result<AnalyseImageReply>> {
  const trace = new Trace("vision");
  const measured = measureBase64Image(request.image, request.mediaType);
  if (!measured.ok) {
    trace.add({
      name: "vision:measure",
      startMs: Date.now(),
      durationMs: 0,
      status: "error",
      detail: measured.message,
    });
    return failure(measured.code, measured.message);
  }
  const info: ImageInfo = measured.info;
  const notes = [describeImage(info)];
  trace.add({ name: "vision:measure", startMs: Date.now(), durationMs: 0, status: "ok", detail: notes[0] });

  let client: ModelClient;
  try {
    client = createModelClient({
      env: options.env,
      worker: "vision",
      trace,
      ...(options.ai ? { ai: options.ai } : {}),
      ...(options.providers ? { providers: options.providers } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
    if (!canSeeImages(client)) {
      trace.add({
        name: "vision:model",
        startMs: Date.now(),
        durationMs: 0,
        status: "skipped",
        detail: LOCAL_ENGINE_NOTE,
      });
      return success(withoutItems(request.text, [...notes, `${NOT_SEEN_NOTE}: ${LOCAL_ENGINE_NOTE}`], trace));
    }
  } catch (error) {
    // A misconfigured deployment (e.g. AI_PROVIDER=workers-ai without an AI binding) must be seen, not papered over.
    if (error instanceof ModelConfigError) return failure("internal", `vision is misconfigured: ${error.message}`);
    throw error;
  }

  const answer = await askModel(
    client,
    visionMessages({ data: request.image, mediaType: info.mediaType }, request.text),
    trace,
  );
  if (!answer.ok) return success(withoutItems(request.text, [...notes, `${NOT_SEEN_NOTE}: ${answer.problem}`], trace));
  if (answer.items.length === 0)
    return success(withoutItems(request.text, [...notes, "the vision model saw no food in the photo"], trace));

  const resolved = await trace.span("vision:resolve-foods", () => resolveFoods(answer.items, options.searchFoods));
  return success({
    items: resolved.items,
    source: "model",
    notes: [...notes, ...resolved.notes],
    ledger: trace.ledger,
    spans: trace.spans,
  });
}
