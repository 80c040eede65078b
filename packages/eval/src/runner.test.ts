import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRunCache } from "./cache.ts";
import { parseCaseFile } from "./cases/load.ts";
import { localJudge } from "./judge.ts";
import { runCases } from "./runner.ts";
import type { ChatBody, ForcedTurn, Target, TurnResult } from "./targets/types.ts";

const cases = parseCaseFile(
  `
cases:
  - id: creatine-intake
    setup: [I take creatine daily]
    message: took my creatine
    route: { paths: [specialist], domains: [protocol] }
    tools: { required: [log_supplement_intake] }
  - id: eggs
    message: two eggs for breakfast
    route: { paths: [specialist], domains: [meal] }
    tools: { required: [log_meal] }
`,
  "runner.yaml",
).cases;

function body(message: string, domain: string, toolCalls: ChatBody["toolCalls"]): ChatBody {
  return {
    reply: `ok: ${message}`,
    conversationId: `conversation-of-${message}`,
    route: { path: "specialist", domains: [domain], confidence: 1 },
    toolCalls,
    usage: { inputTokens: 1, outputTokens: 1, costUsd: 0.001, byModel: {}, byTask: {} },
    trace: { requestId: "r", configHash: "h", spans: [] },
  };
}

/** A scripted gateway: the egg message is misrouted to protocol; forcing the meal route fixes it. */
function fakeTarget(options: { failEggs?: boolean } = {}) {
  const calls: { userId: string; message: string; conversationId: string | undefined }[] = [];
  const forced: ForcedTurn[] = [];
  const target: Target = {
    description: "fake",
    fingerprint: async () => "fake:1",
    async chat(userId, message, conversationId) {
      calls.push({ userId, message, conversationId });
      const turn = { message, sentAt: "2026-05-04T10:00:00.000Z", latencyMs: 1, resultsObserved: true };
      if (message.includes("eggs") && options.failEggs)
        return { ...turn, status: 503, error: "unavailable: restarting" };
      if (message.includes("eggs")) return { ...turn, status: 200, body: body(message, "protocol", []) };
      const toolCalls = message.startsWith("took")
        ? [{ name: "log_supplement_intake", domain: "protocol", arguments: {}, ok: true, result: {} }]
        : [];
      return { ...turn, status: 200, body: body(message, "protocol", toolCalls) } satisfies TurnResult;
    },
    async forced(request) {
      forced.push(request);
      return {
        message: request.message,
        sentAt: "2026-05-04T10:00:00.000Z",
        latencyMs: 1,
        resultsObserved: true,
        status: 200,
        body: body(request.message, "meal", [
          { name: "log_meal", domain: "meal", arguments: {}, ok: true, result: {} },
        ]),
      };
    },
    close: async () => {},
  };
  return { target, calls, forced };
}

const directory = () => mkdtempSync(path.join(tmpdir(), "eval-runner-"));

describe("runCases", () => {
  it("runs each case as a new user, setup first in the same conversation, and blames the router when forcing fixes it", async () => {
    const { target, calls, forced } = fakeTarget();
    const runs = await runCases({
      cases,
      target,
      repeat: 2,
      concurrency: 2,
      cache: createRunCache(directory()),
      judge: localJudge,
      blame: true,
    });
    expect(runs.map((run) => [run.evalCase.id, run.record.repeat, run.score.pass, run.score.blame])).toEqual([
      ["creatine-intake", 0, true, "none"],
      ["creatine-intake", 1, true, "none"],
      ["eggs", 0, false, "router"],
      ["eggs", 1, false, "router"],
    ]);
    const users = new Set(calls.map((call) => call.userId));
    // Four runs and two forced reruns, each its own user.
    expect(users.size).toBe(4);
    const creatine = calls.filter((call) => call.userId === runs[0]!.record.userId);
    expect(creatine).toEqual([
      { userId: runs[0]!.record.userId, message: "I take creatine daily", conversationId: undefined },
      {
        userId: runs[0]!.record.userId,
        message: "took my creatine",
        conversationId: "conversation-of-I take creatine daily",
      },
    ]);
    expect(forced.map((request) => request.gold)).toEqual([
      { path: "specialist", domains: ["meal"] },
      { path: "specialist", domains: ["meal"] },
    ]);
  });

  it("replays recorded runs from the cache without calling the target", async () => {
    const cache = directory();
    await runCases({
      cases,
      target: fakeTarget().target,
      repeat: 1,
      concurrency: 1,
      cache: createRunCache(cache),
      judge: localJudge,
      blame: true,
    });
    const second = fakeTarget();
    const runs = await runCases({
      cases,
      target: second.target,
      repeat: 1,
      concurrency: 1,
      cache: createRunCache(cache),
      judge: localJudge,
      blame: true,
    });
    expect(second.calls).toEqual([]);
    expect(second.forced).toEqual([]);
    expect(runs.every((run) => run.cached)).toBe(true);
    expect(runs[1]!.score.blame).toBe("router");
  });

  it("does not record transient failures", async () => {
    const cache = directory();
    const first = await runCases({
      cases: [cases[1]!],
      target: fakeTarget({ failEggs: true }).target,
      repeat: 1,
      concurrency: 1,
      cache: createRunCache(cache),
      judge: localJudge,
      blame: false,
    });
    expect(first[0]!.score).toMatchObject({ pass: false, blame: "error" });
    const again = fakeTarget();
    await runCases({
      cases: [cases[1]!],
      target: again.target,
      repeat: 1,
      concurrency: 1,
      cache: createRunCache(cache),
      judge: localJudge,
      blame: false,
    });
    expect(again.calls).toHaveLength(1);
  });
});
