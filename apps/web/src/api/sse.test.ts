import { describe, expect, it } from "vitest";
import { SseParser, readServerSentEvents } from "./sse.ts";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const events = [];
  for await (const event of readServerSentEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe("SseParser", () => {
  it("reads events the way hono's streamSSE writes them", () => {
    const parser = new SseParser();
    const events = parser.push('event: route\ndata: {"path":"specialist"}\n\nevent: token\ndata: "Logged "\n\n');
    expect(events).toEqual([
      { event: "route", data: '{"path":"specialist"}' },
      { event: "token", data: '"Logged "' },
    ]);
  });

  it("joins multi-line data with newlines and defaults the event name to message", () => {
    expect(new SseParser().push("data: one\ndata: two\n\n")).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("accepts \\r\\n and \\r line endings, even when a \\r\\n is split across chunks", () => {
    const parser = new SseParser();
    expect(parser.push("event: a\r")).toEqual([]);
    expect(parser.push("\ndata: 1\r\n\r")).toEqual([]);
    // The last \r may still be the first half of a \r\n, so event b waits for more input or the end.
    expect(parser.push("\nevent: b\rdata: 2\r\r")).toEqual([{ event: "a", data: "1" }]);
    expect(parser.finish()).toEqual([{ event: "b", data: "2" }]);
  });

  it("ignores comments, unknown fields and events without data", () => {
    expect(new SseParser().push(": keep-alive\nid: 7\nretry: 10\n\nevent: ping\n\nevent: x\ndata:y\n\n")).toEqual([
      { event: "x", data: "y" },
    ]);
  });

  it("drops an event left unfinished when the stream ends", async () => {
    expect(await collect(['event: done\ndata: {"a":1}\n\n', "event: token\ndata: cut"])).toEqual([
      { event: "done", data: '{"a":1}' },
    ]);
  });
});

describe("readServerSentEvents", () => {
  it("reassembles events split at any byte, including inside a multi-byte character", async () => {
    const text = 'event: token\ndata: "Grüße → 🥗"\n\nevent: done\ndata: {}\n\n';
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 5, 7]) {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let index = 0; index < bytes.length; index += size) controller.enqueue(bytes.slice(index, index + size));
          controller.close();
        },
      });
      const events = [];
      for await (const event of readServerSentEvents(stream)) events.push(event);
      expect(events).toEqual([
        { event: "token", data: '"Grüße → 🥗"' },
        { event: "done", data: "{}" },
      ]);
    }
  });
});
