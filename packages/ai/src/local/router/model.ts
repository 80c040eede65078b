// The router's decision rule over a weights artifact. Kept apart from index.ts so the training
// script can score a freshly written artifact with exactly the code the runtime uses.
// Web APIs only (atob): it runs inside Workers.
import { forEachFeature } from "./features.ts";

export type RouterDomain = "meal" | "protocol" | "metrics-workout" | "general";
export type SpecialistDomain = Exclude<RouterDomain, "general">;

export interface RouterResult {
  /** The top domain. */
  domain: RouterDomain;
  /** Probability that `domain` is right, calibrated on held-out folds of the training data. */
  confidence: number;
  /** Every specialist domain the message is about, highest score first; empty for general. */
  domains: SpecialistDomain[];
  /** Calibrated one-vs-rest probability of each domain. */
  scores: Record<RouterDomain, number>;
}

/** The shape of weights.json, written by scripts/train-router.ts. */
export interface RouterWeights {
  version: number;
  /** Number of hash buckets; a power of two. */
  buckets: number;
  classes: string[];
  bias: number[];
  /** Per class: a stored int8 weight times its scale is the real weight. */
  scales: number[];
  /** Base64 of int8 weights laid out bucket-major: weight[bucket * classes.length + class]. */
  weights: string;
  /** Per class Platt scaling [a, b]: probability = sigmoid(a * logit + b). */
  calibration: number[][];
  /** Per class probability from which a specialist counts as one of several domains. */
  thresholds: number[];
}

export const DOMAINS: readonly RouterDomain[] = ["meal", "protocol", "metrics-workout", "general"];

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function decodeBase64(text: string): Int8Array {
  const binary = atob(text);
  const bytes = new Int8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = (binary.charCodeAt(index) << 24) >> 24;
  return bytes;
}

export function createRouter(weights: RouterWeights): (text: string) => RouterResult {
  const classCount = DOMAINS.length;
  if (weights.classes.join() !== DOMAINS.join())
    throw new Error(`router weights: unexpected classes ${weights.classes.join()}`);
  if ((weights.buckets & (weights.buckets - 1)) !== 0)
    throw new Error("router weights: buckets must be a power of two");
  const table = decodeBase64(weights.weights);
  if (table.length !== weights.buckets * classCount)
    throw new Error("router weights: table size does not match buckets");
  const calibration = DOMAINS.map((_, index) => weights.calibration[index] ?? [1, 0]);
  const sums = new Float64Array(classCount);

  return function classify(text: string): RouterResult {
    sums.fill(0);
    let featureCount = 0;
    forEachFeature(typeof text === "string" ? text : "", weights.buckets, (bucket) => {
      const offset = bucket * classCount;
      for (let index = 0; index < classCount; index++) sums[index]! += table[offset + index]!;
      featureCount++;
    });
    // Nothing to read: say general, and say we are not sure.
    if (featureCount === 0) {
      return {
        domain: "general",
        confidence: 0,
        domains: [],
        scores: { meal: 0, protocol: 0, "metrics-workout": 0, general: 0 },
      };
    }
    // Feature vectors are L2-normalised counts, so every occurrence weighs 1/sqrt(n).
    const norm = 1 / Math.sqrt(featureCount);
    const probabilities = DOMAINS.map((_, index) => {
      const logit = weights.bias[index]! + weights.scales[index]! * norm * sums[index]!;
      const [slope, intercept] = calibration[index]!;
      return sigmoid(slope! * logit + intercept!);
    });
    const scores = Object.fromEntries(DOMAINS.map((domain, index) => [domain, round(probabilities[index]!)])) as Record<
      RouterDomain,
      number
    >;
    const decision = decide(probabilities, weights.thresholds);
    return { ...decision, confidence: round(decision.confidence), scores };
  };
}

/**
 * From calibrated probabilities (in DOMAINS order) to a decision: the most probable domain wins;
 * if it is a specialist, every other specialist at or above its threshold joins it in `domains`.
 */
export function decide(
  probabilities: readonly number[],
  thresholds: readonly number[],
): { domain: RouterDomain; confidence: number; domains: SpecialistDomain[] } {
  let top = 0;
  for (let index = 1; index < DOMAINS.length; index++) if (probabilities[index]! > probabilities[top]!) top = index;
  const domain = DOMAINS[top]!;
  if (domain === "general") return { domain, confidence: probabilities[top]!, domains: [] };
  const domains = DOMAINS.map((name, index) => ({ name, index }))
    .filter(({ name, index }) => name !== "general" && (index === top || probabilities[index]! >= thresholds[index]!))
    .sort((a, b) => probabilities[b.index]! - probabilities[a.index]!)
    .map(({ name }) => name as SpecialistDomain);
  return { domain, confidence: probabilities[top]!, domains };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
