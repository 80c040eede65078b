import { describe, expect, it } from "vitest";
import { parseCaseFile } from "./cases/load.ts";
import { localJudge } from "./judge.ts";
import { blameFor, goldRoute, scoreRun, scoreTurn } from "./score.ts";
import type { ChatBody, ObservedToolCall, TurnResult } from "./targets/types.ts";

const cases = parseCaseFile(
  `
cases:
  - id: lunch
    message: chicken and rice for lunch
    route: { paths: [specialist], domains: [meal] }
    tools: { required: [log_meal], optional: [search_foods] }
    calls:
      - tool: log_meal
        arguments: { mealType: [lunch, <omitted>], date: ["{{today}}", <omitted>] }
    rubric:
      - { criterion: "confirms", check: { mentions: [logged] } }
  - id: not-eaten
    message: I did not eat the cake
    route: { paths: [specialist, general], domains: [[meal], []] }
    tags: [negation]
`,
  "test.yaml",
).cases;
const lunch = cases[0]!;
const negated = cases[1]!;

function turn(
  route: ChatBody["route"],
  toolCalls: ObservedToolCall[],
  reply: string,
  resultsObserved = true,
): TurnResult {
  return {
    message: "chicken and rice for lunch",
    sentAt: "2026-05-04T12:00:00.000Z",
    status: 200,
    latencyMs: 42,
    resultsObserved,
    body: {
      reply,
      conversationId: "c1",
      route,
      toolCalls,
      usage: {
        inputTokens: 10,
        outputTokens: 5,
        costUsd: 0.001,
        byModel: {},
        byTask: { router: { calls: 1, inputTokens: 5, outputTokens: 2, costUsd: 0.0002 } },
      },
      trace: {
        requestId: "r1",
        configHash: "h",
        spans: [
          { name: "classify", worker: "gateway", startMs: 0, durationMs: 3, status: "ok" },
          { name: "specialist:meal", worker: "gateway", startMs: 3, durationMs: 20, status: "ok" },
        ],
      },
    },
  };
}

const mealRoute = { path: "specialist", domains: ["meal"], confidence: 0.9 };
const logged: ObservedToolCall = {
  name: "log_meal",
  domain: "meal",
  arguments: { items: [{ food: "chicken" }], mealType: "lunch", date: "2026-05-04" },
  ok: true,
  result: { energyKcal: 612 },
};

describe("scoreTurn", () => {
  it("passes a correct run and resolves date templates against the turn's time", async () => {
    const score = await scoreTurn(
      lunch,
      turn(mealRoute, [logged], "Logged lunch: 612 kcal."),
      [lunch.message],
      localJudge,
    );
    expect(score.failures).toEqual([]);
    expect(score).toMatchObject({
      pass: true,
      relevance: true,
      route: { correct: true, goldLabel: "meal", predictedLabel: "meal" },
      arguments: { matched: 1 },
    });
    expect(score.stages).toEqual({ classify: 3, specialist: 20 });
  });

  it("fails on a wrong route, ungrounded numbers and wrong arguments, and says why", async () => {
    const wrongDay = { ...logged, arguments: { ...logged.arguments, date: "2026-05-03" } };
    const score = await scoreTurn(
      lunch,
      turn({ path: "general", domains: ["general"], confidence: 0.3 }, [wrongDay], "Logged: 700 kcal."),
      [lunch.message],
      localJudge,
    );
    expect(score.pass).toBe(false);
    expect(score.route).toMatchObject({ correct: false, predictedLabel: "general" });
    expect(score.failures.join("\n")).toMatch(/route general/);
    expect(score.failures.join("\n")).toMatch(/arguments of log_meal: date/);
    // "confirms" scores 1, the implicit grounded-numbers item 0: (1 + 0) / 2 < 0.7.
    expect(score.rubric.score).toBeCloseTo(0.5, 12);
  });

  it("counts a write that ran on a negated message as a violation, but not a refused one", async () => {
    const refused: ObservedToolCall = { ...logged, ok: false, error: "refused: negated" };
    const clean = await scoreTurn(
      negated,
      turn(mealRoute, [refused], "Okay, nothing logged."),
      [negated.message],
      localJudge,
    );
    expect(clean.violations).toEqual([]);
    expect(clean.pass).toBe(true);
    expect(clean.irrelevance).toBe(false);
    const bad = await scoreTurn(negated, turn(mealRoute, [logged], "Logged the cake."), [negated.message], localJudge);
    expect(bad.violations).toHaveLength(1);
    expect(bad.pass).toBe(false);
    expect(bad.failures[0]).toMatch(/^VIOLATION: forbidden log_meal/);
  });

  it("fails a request that errored", async () => {
    const failed: TurnResult = {
      message: "x",
      sentAt: "2026-05-04T12:00:00.000Z",
      status: 503,
      latencyMs: 5,
      error: "unavailable: down",
      resultsObserved: false,
    };
    const score = await scoreTurn(lunch, failed, ["x"], localJudge);
    expect(score).toMatchObject({
      ok: false,
      pass: false,
      relevance: false,
      route: { correct: false, predictedLabel: "error" },
    });
  });
});

describe("blame", () => {
  it("blames the router when the forced route passes, else both, and the specialist when the route was right", async () => {
    const wrongRoute = turn({ path: "general", domains: ["general"], confidence: 0.3 }, [], "Sounds tasty!");
    const right = turn(mealRoute, [logged], "Logged lunch: 612 kcal.");
    const wrong = turn(mealRoute, [], "Sounds tasty!");
    const base = { caseId: "lunch", repeat: 0, userId: "u" };
    expect((await scoreRun(lunch, { ...base, turns: [wrongRoute], forced: right }, localJudge)).blame).toBe("router");
    expect((await scoreRun(lunch, { ...base, turns: [wrongRoute], forced: wrong }, localJudge)).blame).toBe(
      "router+specialist",
    );
    expect((await scoreRun(lunch, { ...base, turns: [wrongRoute] }, localJudge)).blame).toBe("unknown");
    expect((await scoreRun(lunch, { ...base, turns: [wrong] }, localJudge)).blame).toBe("specialist");
    const answerOnly = await scoreTurn(lunch, turn(mealRoute, [logged], "612 kcal."), [lunch.message], localJudge);
    expect(blameFor(answerOnly, undefined)).toBe("answer");
  });

  it("forces the first acceptable domains", () => {
    expect(goldRoute(lunch)).toEqual({ path: "specialist", domains: ["meal"] });
    expect(goldRoute(negated)).toEqual({ path: "specialist", domains: ["meal"] });
  });
});
