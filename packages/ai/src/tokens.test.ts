import { describe, expect, it } from "vitest";
import { estimateInputTokens, estimateTextTokens, estimateUsage } from "./tokens.ts";

describe("token estimator", () => {
  it("counts a quarter token per character, rounded up", () => {
    expect(estimateTextTokens("")).toBe(0);
    expect(estimateTextTokens("abc")).toBe(1);
    expect(estimateTextTokens("abcd")).toBe(1);
    expect(estimateTextTokens("abcde")).toBe(2);
  });

  it("adds 4 tokens per message, 1000 per image, and the tools' JSON as input", () => {
    const tools = [{ name: "log_meal", description: "Log a meal", parameters: { type: "object" } }];
    const toolTokens = Math.ceil(JSON.stringify(tools).length / 4);
    expect(
      estimateInputTokens([
        { role: "system", content: "12345678" },
        { role: "user", content: "1234" },
      ]),
    ).toBe(4 + 2 + 4 + 1);
    expect(
      estimateInputTokens([
        {
          role: "user",
          content: [
            { type: "text", text: "1234" },
            { type: "image", mediaType: "image/png", data: "xx" },
          ],
        },
      ]),
    ).toBe(4 + 1 + 1000);
    expect(estimateInputTokens([{ role: "user", content: "1234" }], tools)).toBe(4 + 1 + toolTokens);
  });

  it("counts tool calls in the output and in earlier assistant turns", () => {
    const call = { id: "call_1", name: "log_meal", arguments: { meal: "lunch" } };
    const callTokens = Math.ceil(JSON.stringify({ name: "log_meal", arguments: { meal: "lunch" } }).length / 4);
    expect(estimateUsage([], undefined, "", [call]).outputTokens).toBe(callTokens);
    expect(estimateInputTokens([{ role: "assistant", content: "", toolCalls: [call] }])).toBe(4 + callTokens);
  });
});
