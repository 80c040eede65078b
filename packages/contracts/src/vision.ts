// Food photos, owned by the vision Worker: the only Worker whose model sees images.
import { z } from "zod";
import type { Health, Result } from "./common.ts";
import type { Trail } from "./rpc.ts";

export const analyseImageRequestSchema = z.object({
  requestId: z.string().min(1),
  /** Base64 of the image bytes, already checked by the gateway (type by magic bytes, at most 5 MB). */
  image: z.string().min(1),
  mediaType: z.enum(["image/jpeg", "image/png", "image/webp"]),
  /** The words that came with the photo, if any ("my lunch: chicken salad and a roll"). */
  text: z.string().max(4000).default(""),
});
export type AnalyseImageRequest = z.input<typeof analyseImageRequestSchema>;

export const visionItemSchema = z.object({
  name: z.string().min(1),
  grams: z.number().positive().max(5000),
  confidence: z.number().min(0).max(1),
  foodId: z.number().int().optional(),
});
export type VisionItem = z.infer<typeof visionItemSchema>;

export interface AnalyseImageReply extends Trail {
  items: VisionItem[];
  /** Where the items came from: the vision model, the text sent with the photo, or nowhere. */
  source: "model" | "text" | "none";
  /** Facts about the image the reply may mention (size, dimensions) and honest notes. */
  notes: string[];
}

export interface VisionRpc {
  health(): Promise<Health>;
  analyse(request: AnalyseImageRequest): Promise<Result<AnalyseImageReply>>;
}
