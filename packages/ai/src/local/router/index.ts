// The embedded local engine's router: which domain(s) a user message is about.
// A one-vs-rest logistic regression over hashed text features, trained offline by
// scripts/train-router.ts on data/router/corpus.jsonl. Deterministic, no network, Web APIs only.
import weights from "./weights.json" with { type: "json" };
import { createRouter, type RouterResult } from "./model.ts";

export type { RouterDomain, RouterResult, SpecialistDomain } from "./model.ts";

const classify = createRouter(weights);

/**
 * Classifies a user message. `domain` is the most probable domain and `confidence` its calibrated
 * probability; `domains` lists every specialist domain the message is about, highest score first
 * (empty when the domain is general). Never throws: empty input gives general with confidence 0.
 */
export function classifyMessage(text: string): RouterResult {
  return classify(text);
}
