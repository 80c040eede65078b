import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64, decodeChunks, encodeChunks, quantise } from "./codec.ts";
import { createVectorIndex } from "./vector-index.ts";
import { vectorizeSearch } from "./vectorize.ts";
import { vectorizeFiles } from "./vectorize-ndjson.ts";
import { createWorkersAiRestEmbedder } from "./workers-ai-rest.ts";

function unit(values: number[]): number[] {
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  return values.map((value) => value / norm);
}

const vectors = [
  unit([1, 0, 0, 0]),
  unit([0.9, 0.1, 0, 0]),
  unit([0, 1, 0, 0]),
  unit([0, 0, -1, 1]),
  unit([-1, 0, 0, 0]),
];
const ids = [10, 20, 30, 40, 50];

describe("int8 codec", () => {
  it("round-trips bytes through base64", () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => index % 251);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it("quantises within one step of 127 and survives chunking", () => {
    const quantised = quantise(ids, vectors, 4);
    for (const [row, vector] of vectors.entries()) {
      for (const [dimension, value] of vector.entries()) {
        expect(Math.abs(quantised.values[row * 4 + dimension]! * quantised.scales[row]! - value)).toBeLessThanOrEqual(
          quantised.scales[row]! / 2 + 1e-7,
        );
      }
    }
    const decoded = decodeChunks(encodeChunks(quantised, 2), 4);
    expect(decoded).toEqual(quantised);
  });

  it("rejects vectors of the wrong size", () => {
    expect(() => quantise([1], [[1, 0]], 4)).toThrow(/2 dimensions/);
  });
});

describe("in-memory vector index", () => {
  const index = createVectorIndex(quantise(ids, vectors, 4));

  it("returns the nearest by cosine, best first", () => {
    const matches = index.search([1, 0.05, 0, 0], 3);
    expect(matches.map((match) => match.id)).toEqual([10, 20, 30]);
    expect(matches[0]!.similarity).toBeCloseTo(0.9988, 2);
    expect(matches[2]!.similarity).toBeCloseTo(0.05, 1);
  });

  it("works for queries that are not unit length and handles edge cases", () => {
    expect(index.search([0, 0, -5, 5], 1)).toEqual([{ id: 40, similarity: expect.closeTo(1, 2) }]);
    expect(index.search([0, 0, 0, 0], 3)).toEqual([]);
    expect(index.search([1, 0, 0, 0], 99)).toHaveLength(5);
    expect(() => index.search([1, 0], 1)).toThrow(/dimensions/);
  });

  it("reports its memory", () => {
    expect(index.bytes).toBe(5 * 4 + 5 * 4 + 5 * 4 + 5 * 4);
  });
});

describe("Vectorize adapter", () => {
  it("queries with the vector, bounds topK and maps ids back to food ids", async () => {
    const calls: unknown[] = [];
    const fake = {
      async query(vector: number[], options: unknown) {
        calls.push({ vector, options });
        return {
          matches: [
            { id: "9040", score: 0.91 },
            { id: "not-a-food", score: 0.5 },
            { id: "11090", score: 0.42 },
          ],
        };
      },
    };
    const search = vectorizeSearch(fake);
    expect(search.kind).toBe("vectorize");
    expect(await search.query(new Float32Array([0.5, 0.5]), 500)).toEqual([
      { id: 9040, similarity: 0.91 },
      { id: 11090, similarity: 0.42 },
    ]);
    expect(calls).toEqual([
      { vector: [0.5, 0.5], options: { topK: 100, returnValues: false, returnMetadata: "none" } },
    ]);
  });
});

describe("Vectorize upload files", () => {
  it("writes one NDJSON record per food, split into files", () => {
    const files = vectorizeFiles(ids, vectors, 2);
    expect(files).toHaveLength(3);
    const records = files.flatMap((file) =>
      file
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    );
    expect(records.map((record) => record.id)).toEqual(["10", "20", "30", "40", "50"]);
    expect(records[1].values).toHaveLength(4);
    expect(records[1].values[0]).toBeCloseTo(vectors[1]![0]!, 5);
  });
});

/** Answers like the Workers AI REST API does for a bad token. */
async function unauthorisedFetch(): Promise<Response> {
  return Response.json({ success: false, errors: [{ message: "Authentication error" }] }, { status: 401 });
}

describe("Workers AI REST embedder", () => {
  it("embeds in batches of 100 with the account's token", async () => {
    const requests: { url: string; body: { text: string[] }; authorization: string | null }[] = [];
    const fakeFetch = async (url: string | URL | Request, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { text: string[] };
      requests.push({ url: String(url), body, authorization: new Headers(init?.headers).get("authorization") });
      return Response.json({
        success: true,
        result: { shape: [body.text.length, 2], data: body.text.map((text) => [text.length, 1]) },
      });
    };
    const embed = createWorkersAiRestEmbedder({
      accountId: "account",
      apiToken: "token",
      fetch: fakeFetch as typeof fetch,
    });
    const texts = Array.from({ length: 250 }, (_, index) => "x".repeat(index + 1));
    const result = await embed(texts);
    expect(result).toHaveLength(250);
    expect(result[249]).toEqual([250, 1]);
    expect(requests.map((request) => request.body.text.length)).toEqual([100, 100, 50]);
    expect(requests[0]).toMatchObject({
      url: "https://api.cloudflare.com/client/v4/accounts/account/ai/run/@cf/baai/bge-base-en-v1.5",
      authorization: "Bearer token",
    });
  });

  it("reports the API's errors", async () => {
    const embed = createWorkersAiRestEmbedder({
      accountId: "a",
      apiToken: "t",
      fetch: unauthorisedFetch as typeof fetch,
    });
    await expect(embed(["apple"])).rejects.toThrow(/Authentication error/);
  });
});
