// Routing metrics: accuracy, per-domain precision and recall, and a confusion matrix over route
// labels (one label per route: its single domain, "multi", "general" or "onboarding").

export interface RouteObservation {
  /** The gold domain set (the first acceptable one) and path label. */
  goldDomains: string[];
  goldLabel: string;
  predictedDomains: string[];
  predictedLabel: string;
  correct: boolean;
}

export const ROUTE_LABELS = [
  "meal",
  "protocol",
  "metrics-workout",
  "multi",
  "general",
  "onboarding",
  "vision",
  "error",
] as const;

/** The label of a route: its one specialist domain, "multi" for several, else the path. */
export function routeLabel(path: string, domains: string[]): string {
  const specialists = domains.filter((domain) => domain !== "general");
  if (path === "onboarding") return "onboarding";
  if (specialists.length > 1) return "multi";
  if (specialists.length === 1) return specialists[0]!;
  return path === "vision" ? "vision" : "general";
}

export interface ConfusionMatrix {
  labels: string[];
  /** counts[gold][predicted] */
  counts: number[][];
}

/** Rows are gold labels, columns predicted; labels that never occur are left out. */
export function confusionMatrix(observations: RouteObservation[]): ConfusionMatrix {
  const present = new Set(observations.flatMap((observation) => [observation.goldLabel, observation.predictedLabel]));
  const labels = [
    ...ROUTE_LABELS.filter((label) => present.has(label)),
    ...[...present].filter((label) => !(ROUTE_LABELS as readonly string[]).includes(label)).sort(),
  ];
  const index = new Map(labels.map((label, position) => [label, position]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const observation of observations)
    counts[index.get(observation.goldLabel)!]![index.get(observation.predictedLabel)!]! += 1;
  return { labels, counts };
}

export interface DomainScore {
  domain: string;
  precision: number;
  recall: number;
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function asDomainSet(list: string[]): Set<string> {
  const specialists = list.filter((domain) => domain !== "general");
  return new Set(specialists.length === 0 ? ["general"] : specialists);
}

/**
 * Multi-label precision and recall per domain: a message about food and supplements is a meal
 * and a protocol message. "general" stands for an empty specialist set.
 */
export function domainScores(observations: RouteObservation[], domains: readonly string[]): DomainScore[] {
  return [...domains, "general"].map((domain) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const observation of observations) {
      const gold = asDomainSet(observation.goldDomains).has(domain);
      const predicted = asDomainSet(observation.predictedDomains).has(domain);
      if (gold && predicted) truePositives++;
      else if (predicted) falsePositives++;
      else if (gold) falseNegatives++;
    }
    return {
      domain,
      truePositives,
      falsePositives,
      falseNegatives,
      support: truePositives + falseNegatives,
      precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
      recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
    };
  });
}

export function accuracy(observations: RouteObservation[]): number {
  return observations.length === 0
    ? 1
    : observations.filter((observation) => observation.correct).length / observations.length;
}
