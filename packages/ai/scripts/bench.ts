// Speed of the local engine on this machine: the router classifier per message, the same through
// the model client (chain, breaker, trace and ledger included), and embedding throughput.
// Prints a markdown table for docs/BENCHMARKS.md.
//
// Run: pnpm --filter @ensemble/ai bench        (or: node packages/ai/scripts/bench.ts [calls])
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { createModelClient } from "../src/client.ts";
import { embedTexts } from "../src/local/embedding/index.ts";
import { classifyMessage } from "../src/local/router/index.ts";

const calls = Number(process.argv[2] ?? "5000");
const dataDirectory = new URL("../data/router/", import.meta.url);

// The hand-written router messages: real phrasings across every domain, comments stripped.
const messages = readdirSync(dataDirectory)
  .filter((file) => file.startsWith("hand-written-") && file.endsWith(".txt"))
  .flatMap((file) => readFileSync(new URL(file, dataDirectory), "utf8").split("\n"))
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function timeEach(count: number, run: (text: string) => unknown): { p50: number; p99: number; mean: number } {
  for (let index = 0; index < 300; index++) run(messages[index % messages.length]!);
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const text = messages[index % messages.length]!;
    const started = performance.now();
    run(text);
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  };
}

async function timeEachAsync(
  count: number,
  run: (text: string) => Promise<unknown>,
): Promise<{ p50: number; p99: number; mean: number }> {
  for (let index = 0; index < 300; index++) await run(messages[index % messages.length]!);
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const text = messages[index % messages.length]!;
    const started = performance.now();
    await run(text);
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  };
}

const router = timeEach(calls, (text) => classifyMessage(text));
const viaClient = await timeEachAsync(calls, (text) =>
  // A fresh client per call, as a Worker makes one per request.
  createModelClient({ env: {}, worker: "router" }).chat("router", {
    messages: [{ role: "user", content: text }],
    responseFormat: "json",
  }),
);

// Embedding throughput in batches of 100, the Workers AI batch size.
for (let warm = 0; warm < 5; warm++) embedTexts(messages.slice(0, 100));
let embedded = 0;
const embedStarted = performance.now();
while (performance.now() - embedStarted < 2000) {
  for (let start = 0; start < messages.length; start += 100) {
    const batch = messages.slice(start, start + 100);
    embedTexts(batch);
    embedded += batch.length;
  }
}
const embedSeconds = (performance.now() - embedStarted) / 1000;
const single = timeEach(Math.min(calls, 2000), (text) => embedTexts([text]));

const ms = (value: number) => value.toFixed(3);
console.log(
  `Local engine benchmark: node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, ${messages.length} distinct messages, ${calls} timed calls each.\n`,
);
console.log("| What | p50 (ms) | p99 (ms) | mean (ms) | Throughput |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(
  `| Local router, \`classifyMessage\` | ${ms(router.p50)} | ${ms(router.p99)} | ${ms(router.mean)} | ${Math.round(1000 / router.mean).toLocaleString("en-US")} msg/s |`,
);
console.log(
  `| Router through the model client (local provider, trace, ledger) | ${ms(viaClient.p50)} | ${ms(viaClient.p99)} | ${ms(viaClient.mean)} | ${Math.round(1000 / viaClient.mean).toLocaleString("en-US")} msg/s |`,
);
console.log(
  `| Local embedding, one text | ${ms(single.p50)} | ${ms(single.p99)} | ${ms(single.mean)} | ${Math.round(1000 / single.mean).toLocaleString("en-US")} texts/s |`,
);
console.log(
  `| Local embedding, batches of 100 | | | | ${Math.round(embedded / embedSeconds).toLocaleString("en-US")} texts/s |`,
);
