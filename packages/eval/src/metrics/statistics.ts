// pass^k (tau-bench) and McNemar's test for paired pass/fail outcomes.

/** C(n, k) as a float; exact for the small n of eval repeats. */
export function binomialCoefficient(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let index = 1; index <= Math.min(k, n - k); index++) result = (result * (n - index + 1)) / index;
  return result;
}

/**
 * tau-bench's pass^k: the chance that k runs drawn from a case's n runs all pass, averaged over
 * cases: mean of C(c, k) / C(n, k), with c the case's passes. Cases with fewer than k runs are skipped.
 */
export function passHatK(outcomes: { runs: number; passes: number }[], k: number): number {
  const eligible = outcomes.filter((outcome) => outcome.runs >= k);
  if (eligible.length === 0) return Number.NaN;
  const total = eligible.reduce(
    (sum, outcome) => sum + binomialCoefficient(outcome.passes, k) / binomialCoefficient(outcome.runs, k),
    0,
  );
  return total / eligible.length;
}

export interface McNemarResult {
  /** Pass in the baseline, fail in the candidate. */
  regressions: number;
  /** Fail in the baseline, pass in the candidate. */
  improvements: number;
  /** Two-sided p-value. */
  pValue: number;
  method: "exact" | "chi-square" | "none";
}

/** Two-sided exact binomial test of b against b + c at p = 0.5. */
export function exactBinomialTwoSided(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const low = Math.min(b, c);
  let tail = 0;
  for (let index = 0; index <= low; index++) tail += binomialCoefficient(n, index);
  return Math.min(1, (2 * tail) / 2 ** n);
}

/** The upper tail of the chi-square distribution with one degree of freedom. */
function chiSquareOneTail(statistic: number): number {
  return erfc(Math.sqrt(statistic / 2));
}

/** Complementary error function (Numerical Recipes' erfc approximation, |error| < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const value =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? value : 2 - value;
}

/**
 * McNemar's test on the discordant pairs: exact binomial while b + c < 25 (the chi-square
 * approximation is poor there), else chi-square with continuity correction.
 */
export function mcnemar(regressions: number, improvements: number): McNemarResult {
  const n = regressions + improvements;
  if (n === 0) return { regressions, improvements, pValue: 1, method: "none" };
  if (n < 25)
    return { regressions, improvements, pValue: exactBinomialTwoSided(regressions, improvements), method: "exact" };
  const statistic = (Math.abs(regressions - improvements) - 1) ** 2 / n;
  return { regressions, improvements, pValue: Math.min(1, chiSquareOneTail(statistic)), method: "chi-square" };
}
