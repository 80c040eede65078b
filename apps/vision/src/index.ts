import { createModelClient } from "@ensemble/ai";
import {
  type AnalyseImageReply,
  type AnalyseImageRequest,
  type Health,
  type Result,
  type VisionRpc,
  analyseImageRequestSchema,
  failure,
  internalWorkerResponse,
} from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { analyseImage, canSeeImages } from "./analyse.ts";
import type { Bindings } from "./env.ts";

/** The vision Worker: food photos to items and portions. Reachable only over service bindings (RPC). */
export default class VisionWorker extends WorkerEntrypoint<Bindings> implements VisionRpc {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  /** Healthy when the vision chain resolves; the detail says whether photos are actually looked at. */
  async health(): Promise<Health> {
    try {
      const client = createModelClient({ env: this.env, worker: "vision" });
      if (!canSeeImages(client))
        return {
          worker: "vision",
          ok: true,
          detail: "local engine: photos are measured, foods come from the user's words",
        };
      return {
        worker: "vision",
        ok: true,
        detail: `vision model ${client
          .chain("vision")
          .map((link) => `${link.provider}:${link.config.model}`)
          .join(" -> ")}`,
      };
    } catch (error) {
      return { worker: "vision", ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async analyse(input: AnalyseImageRequest): Promise<Result<AnalyseImageReply>> {
    const parsed = analyseImageRequestSchema.safeParse(input);
    if (!parsed.success) return failure("bad_request", z.prettifyError(parsed.error));
    return analyseImage(parsed.data, {
      env: this.env,
      searchFoods: (request) => this.env.EMBEDDING.searchFoods(request),
    });
  }
}
