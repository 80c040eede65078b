// Server-sent events read from a fetch() body. EventSource cannot POST or send an Authorization
// header, so the chat stream is parsed here, following the WHATWG event-stream rules: lines end
// with \n, \r\n or \r; "data" lines of one event join with \n; a blank line ends the event.

export interface ServerSentEvent {
  event: string;
  data: string;
}

export class SseParser {
  private buffer = "";
  private eventName = "";
  private dataLines: string[] = [];
  private hasData = false;

  /** Feeds text in any chunking; returns the events completed by it. */
  push(text: string, final = false): ServerSentEvent[] {
    this.buffer += text;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (match[0] === "\r" && match.index === this.buffer.length - 1 && !final) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  /** Ends the stream: a final event without its blank line is dropped, as the standard says. */
  finish(): ServerSentEvent[] {
    const events = this.push("", true);
    this.buffer = "";
    this.reset();
    return events;
  }

  private line(line: string): ServerSentEvent | null {
    if (line === "") {
      const event = this.hasData ? { event: this.eventName || "message", data: this.dataLines.join("\n") } : null;
      this.reset();
      return event;
    }
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.eventName = value;
    else if (field === "data") {
      this.dataLines.push(value);
      this.hasData = true;
    }
    return null;
  }

  private reset(): void {
    this.eventName = "";
    this.dataLines = [];
    this.hasData = false;
  }
}

/** The events of a response body, as they arrive. */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    yield* parser.finish();
  } finally {
    reader.releaseLock();
  }
}
