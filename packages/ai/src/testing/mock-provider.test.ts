import { describe, expect, it } from "vitest";
import { createMockProvider, mockChatResponse, mockToolCall } from "./index.ts";
import type { ChatRequest } from "../types.ts";

const request = (text: string): ChatRequest => ({
  task: "router",
  model: "m",
  messages: [{ role: "user", content: text }],
  maxTokens: 10,
  temperature: 0,
});

describe("createMockProvider", () => {
  it("answers each call with the next scripted step and repeats the last", async () => {
    const provider = createMockProvider({
      chat: [{ text: "one" }, new Error("two fails"), { toolCalls: [mockToolCall("log", { a: 1 })] }],
    });
    expect((await provider.chat(request("a"))).text).toBe("one");
    await expect(provider.chat(request("b"))).rejects.toThrow("two fails");
    const third = await provider.chat(request("c"));
    expect(third.finishReason).toBe("tool-calls");
    expect(third.toolCalls).toEqual([{ id: "call_log", name: "log", arguments: { a: 1 } }]);
    expect((await provider.chat(request("d"))).toolCalls).toHaveLength(1);
    expect(provider.calls.map((call) => call.messages[0]!.content)).toEqual(["a", "b", "c", "d"]);
  });

  it("takes a function of the request", async () => {
    const provider = createMockProvider({
      chat: (call, index) => ({ text: `${index}:${String(call.messages[0]!.content)}` }),
    });
    expect((await provider.chat(request("hi"))).text).toBe("0:hi");
    expect((await provider.chat(request("yo"))).text).toBe("1:yo");
  });

  it("fails loudly when nothing is scripted", async () => {
    await expect(createMockProvider().chat(request("x"))).rejects.toThrow("no chat step");
  });

  it("records embed calls and returns one vector per text", async () => {
    const provider = createMockProvider();
    const response = await provider.embed({ model: "e", texts: ["a", "b"] });
    expect(response.vectors).toHaveLength(2);
    expect(provider.embedCalls[0]!.texts).toEqual(["a", "b"]);
  });
});

describe("mockChatResponse", () => {
  it("fills every field a ChatResponse needs", () => {
    expect(mockChatResponse({ text: "hello" })).toEqual({
      text: "hello",
      toolCalls: [],
      finishReason: "stop",
      usage: { inputTokens: 10, outputTokens: 2 },
      model: "mock-model",
      provider: "mock",
      latencyMs: 1,
    });
  });
});
