import { describe, expect, it } from "vitest";
import { binomialCoefficient, exactBinomialTwoSided, mcnemar, passHatK } from "./statistics.ts";

describe("binomialCoefficient", () => {
  it("computes small coefficients", () => {
    expect(binomialCoefficient(4, 2)).toBe(6);
    expect(binomialCoefficient(5, 0)).toBe(1);
    expect(binomialCoefficient(3, 4)).toBe(0);
  });
});

describe("passHatK", () => {
  const outcomes = [
    { runs: 4, passes: 4 },
    { runs: 4, passes: 2 },
    { runs: 4, passes: 0 },
  ];

  it("is the plain pass rate at k = 1", () => {
    // (4/4 + 2/4 + 0/4) / 3
    expect(passHatK(outcomes, 1)).toBeCloseTo(0.5, 12);
  });

  it("uses C(c,k)/C(n,k) per case", () => {
    // (C(4,2)/C(4,2) + C(2,2)/C(4,2) + 0) / 3 = (1 + 1/6) / 3 = 7/18
    expect(passHatK(outcomes, 2)).toBeCloseTo(7 / 18, 12);
    // Only the always-passing case survives k = 4.
    expect(passHatK(outcomes, 4)).toBeCloseTo(1 / 3, 12);
  });

  it("skips cases with fewer runs than k", () => {
    expect(
      passHatK(
        [
          { runs: 1, passes: 1 },
          { runs: 2, passes: 1 },
        ],
        2,
      ),
    ).toBe(0);
    expect(passHatK([{ runs: 1, passes: 1 }], 2)).toBeNaN();
  });
});

describe("McNemar", () => {
  it("uses the exact binomial test for few discordant pairs", () => {
    // 6 regressions, 0 improvements: 2 * (1/2)^6.
    expect(mcnemar(6, 0)).toEqual({ regressions: 6, improvements: 0, pValue: 0.03125, method: "exact" });
    // 7 vs 1: 2 * (C(8,0) + C(8,1)) / 2^8 = 18/256.
    expect(mcnemar(7, 1).pValue).toBeCloseTo(0.0703125, 12);
    // 5 vs 1: 2 * (1 + 6) / 64.
    expect(exactBinomialTwoSided(5, 1)).toBeCloseTo(0.21875, 12);
  });

  it("is 1 for balanced flips and for none", () => {
    expect(mcnemar(2, 2).pValue).toBe(1);
    expect(mcnemar(0, 0)).toMatchObject({ pValue: 1, method: "none" });
  });

  it("switches to chi-square with continuity correction for many pairs", () => {
    // (|30 - 10| - 1)^2 / 40 = 9.025; upper tail with 1 df = erfc(sqrt(9.025 / 2)) = 0.0026631.
    const result = mcnemar(30, 10);
    expect(result.method).toBe("chi-square");
    expect(result.pValue).toBeCloseTo(0.0026631, 6);
  });
});
