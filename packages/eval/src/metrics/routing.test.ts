import { describe, expect, it } from "vitest";
import { type RouteObservation, accuracy, confusionMatrix, domainScores, routeLabel } from "./routing.ts";

function observation(
  gold: string[],
  predicted: string[],
  goldPath = "specialist",
  predictedPath = "specialist",
): RouteObservation {
  const goldLabel = routeLabel(goldPath, gold);
  const predictedLabel = routeLabel(predictedPath, predicted);
  const correct =
    goldLabel === predictedLabel &&
    gold.length === predicted.length &&
    gold.every((domain) => predicted.includes(domain));
  return { goldDomains: gold, goldLabel, predictedDomains: predicted, predictedLabel, correct };
}

describe("routeLabel", () => {
  it("names a route by its domain, multi, or its path", () => {
    expect(routeLabel("specialist", ["meal"])).toBe("meal");
    expect(routeLabel("coordinator", ["meal", "protocol"])).toBe("multi");
    expect(routeLabel("coordinator", ["protocol"])).toBe("protocol");
    expect(routeLabel("general", ["general"])).toBe("general");
    expect(routeLabel("onboarding", [])).toBe("onboarding");
  });
});

describe("routing metrics", () => {
  const observations = [
    observation(["meal"], ["meal"]),
    observation(["meal"], ["meal"]),
    observation(["meal"], ["protocol"]),
    observation(["protocol"], ["protocol"]),
    observation(["meal", "protocol"], ["meal"], "coordinator"),
    observation([], [], "general", "general"),
    observation([], ["meal"], "general"),
  ];

  it("counts gold rows against routed columns", () => {
    const matrix = confusionMatrix(observations);
    expect(matrix.labels).toEqual(["meal", "protocol", "multi", "general"]);
    expect(matrix.counts).toEqual([
      [2, 1, 0, 0],
      [0, 1, 0, 0],
      [1, 0, 0, 0],
      [1, 0, 0, 1],
    ]);
  });

  it("computes accuracy", () => {
    expect(accuracy(observations)).toBeCloseTo(4 / 7, 12);
  });

  it("computes multi-label precision and recall per domain", () => {
    const scores = Object.fromEntries(
      domainScores(observations, ["meal", "protocol", "metrics-workout"]).map((score) => [score.domain, score]),
    );
    // meal: gold in 4 observations (3 single + multi); predicted in 4; both in 3.
    expect(scores.meal).toMatchObject({ truePositives: 3, falsePositives: 1, falseNegatives: 1, support: 4 });
    expect(scores.meal!.precision).toBeCloseTo(0.75, 12);
    expect(scores.meal!.recall).toBeCloseTo(0.75, 12);
    // protocol: gold in 2 (single + multi), predicted in 2, both in 1.
    expect(scores.protocol).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    // general: gold in 2, predicted in 1, both in 1.
    expect(scores.general).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 1,
      precision: 1,
      recall: 0.5,
    });
    // metrics-workout never occurs: nothing wrong to report.
    expect(scores["metrics-workout"]).toMatchObject({ precision: 1, recall: 1, support: 0 });
  });
});
