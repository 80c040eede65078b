// Who scores the rubric. With the local engine: the deterministic checks of each item. With a
// real model (`MODEL_JUDGE` on a provider that is not local): the model scores each criterion
// from 0 to 1, except grounded numbers, which stay a deterministic check because a model is worse
// at arithmetic lookups than a string search; an answer the judge garbles falls back to the
// item's check.
import { type ModelClient, createModelClient } from "@ensemble/ai";
import type { EvalCase } from "./cases/schema.ts";
import {
  type NumberSources,
  type RubricItemResult,
  runCheck,
  scoreRubricLocally,
  weightedScore,
} from "./metrics/answers.ts";
import type { Judge } from "./score.ts";

export const localJudge: Judge = async (evalCase, reply, sources) =>
  scoreRubricLocally(evalCase.rubric, reply, sources);

export const JUDGE_PROMPT = `You grade a nutrition and training coach's reply against a rubric.
For each numbered criterion give a score from 0 (not met) to 1 (fully met), judging only the reply, with the conversation and tool data as context.
Reply ONLY with JSON: {"scores": [{"item": 1, "score": 0.0, "reason": "a few words"}, ...]}.`;

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

export function judgeMessages(evalCase: EvalCase, reply: string, sources: NumberSources, items: number[]) {
  const criteria = items.map((index, position) => `${position + 1}. ${evalCase.rubric[index]!.criterion}`).join("\n");
  const data = sources.toolData === undefined ? "(not available)" : clip(JSON.stringify(sources.toolData), 4000);
  return [
    { role: "system" as const, content: JUDGE_PROMPT },
    {
      role: "user" as const,
      content: `User messages:\n${sources.messages.map((message) => `- ${message}`).join("\n")}\n\nTool calls and results:\n${data}\n\nCoach's reply:\n${reply}\n\nCriteria:\n${criteria}`,
    },
  ];
}

/** The scores in a judge's answer, by 1-based item number; items it did not score are left out. */
export function parseJudgeAnswer(text: string): Map<number, { score: number; reason: string }> {
  const scores = new Map<number, { score: number; reason: string }>();
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return scores;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    return scores;
  }
  const list = (parsed as { scores?: unknown }).scores;
  if (!Array.isArray(list)) return scores;
  for (const entry of list) {
    const item = Number((entry as { item?: unknown }).item);
    const score = Number((entry as { score?: unknown }).score);
    if (Number.isInteger(item) && Number.isFinite(score)) {
      scores.set(item, {
        score: Math.min(1, Math.max(0, score)),
        reason: String((entry as { reason?: unknown }).reason ?? ""),
      });
    }
  }
  return scores;
}

export interface ModelJudge {
  judge: Judge;
  client: ModelClient;
}

/** A judge backed by `MODEL_JUDGE` through the platform's model client (its ledger holds the judge's cost). */
export function createModelJudge(
  environment: Record<string, string>,
  client = createModelClient({ env: environment, worker: "eval" }),
): ModelJudge {
  const judge: Judge = async (evalCase, reply, sources) => {
    const byModel = evalCase.rubric
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => !("groundedNumbers" in item.check));
    let answers = new Map<number, { score: number; reason: string }>();
    if (byModel.length > 0) {
      try {
        const response = await client.chat("judge", {
          messages: judgeMessages(
            evalCase,
            reply,
            sources,
            byModel.map(({ index }) => index),
          ),
          responseFormat: "json",
        });
        answers = parseJudgeAnswer(response.text);
      } catch {
        // Every judge model failed: the checks below still score every item.
      }
    }
    const items: RubricItemResult[] = evalCase.rubric.map((item, index) => {
      const position = byModel.findIndex((entry) => entry.index === index);
      const answer = position >= 0 ? answers.get(position + 1) : undefined;
      if (answer)
        return {
          criterion: item.criterion,
          weight: item.weight,
          score: answer.score,
          detail: `judge: ${answer.reason}`,
        };
      const check = runCheck(item.check, reply, sources);
      return {
        criterion: item.criterion,
        weight: item.weight,
        score: check.score,
        detail: position >= 0 ? `judge gave no score; check: ${check.detail}` : check.detail,
      };
    });
    return { score: weightedScore(items), items };
  };
  return { judge, client };
}
