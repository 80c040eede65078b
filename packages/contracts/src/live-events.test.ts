import { describe, expect, it } from "vitest";
import { failure, success } from "./common.ts";
import { liveEventStream, readLiveEvents } from "./live-events.ts";

function bytes(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
}

describe("live events", () => {
  it("carry updates in order and end with the work's Result", async () => {
    const { stream, done } = liveEventStream(async (emit) => {
      emit({ type: "token", text: "Hal" });
      emit({ type: "reset" });
      emit({ type: "tool", call: { name: "log_meal", domain: "meal", arguments: { meal: "lunch" }, ok: true } });
      emit({ type: "token", text: "Logged lunch — 530 kcal." });
      return success({ reply: "Logged lunch — 530 kcal." });
    });
    const seen: string[] = [];
    const result = await readLiveEvents<{ reply: string }>(stream, {
      onToken: (text) => seen.push(text),
      onReset: () => seen.push("(reset)"),
      onToolCall: (call) => seen.push(`tool:${call.name}`),
    });
    await done;
    expect(seen).toEqual(["Hal", "(reset)", "tool:log_meal", "Logged lunch — 530 kcal."]);
    expect(result).toEqual(success({ reply: "Logged lunch — 530 kcal." }));
  });

  it("pass a failure through, and turn a throw into an internal failure", async () => {
    const refused = liveEventStream(async () => failure("bad_request", "message: too long"));
    expect(await readLiveEvents(refused.stream)).toEqual(failure("bad_request", "message: too long"));
    const crashed = liveEventStream(async () => {
      throw new Error("boom");
    });
    const result = await readLiveEvents(crashed.stream);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe("internal");
    expect(JSON.stringify(result)).not.toContain("boom");
  });

  it("report a stream cut short or garbled as a failure, never a throw", async () => {
    expect(await readLiveEvents(bytes('{"type":"token","text":"Lo"}\n'))).toMatchObject({
      ok: false,
      error: { code: "unavailable", retryable: true },
    });
    expect(await readLiveEvents(bytes("not json\n"))).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(await readLiveEvents(bytes('{"type":"surprise"}\n'))).toMatchObject({
      ok: false,
      error: { code: "internal" },
    });
  });
});
