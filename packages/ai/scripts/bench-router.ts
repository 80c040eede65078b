// Times the router per call.
//
//   node packages/ai/scripts/bench-router.ts
//
// Loads the router the way a Worker does (index.ts with its weights.json import), then classifies
// 5,000 messages taken in turn from the corpus (short ones, long ones, multi-domain ones) after a
// warm-up, and prints p50, p99 and max per call, plus a 4,000-character message on its own.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const corpusPath = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "router", "corpus.jsonl");
const CALLS = 5_000;

const loadStarted = performance.now();
const { classifyMessage } = await import("../src/local/router/index.ts");
const loadMilliseconds = performance.now() - loadStarted;

const texts = readFileSync(corpusPath, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { text: string }).text);
const messages = Array.from({ length: CALLS }, (_, index) => texts[(index * 7919) % texts.length]!);

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function time(inputs: string[]): number[] {
  const durations: number[] = [];
  for (const text of inputs) {
    const started = performance.now();
    classifyMessage(text);
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

time(messages.slice(0, 1_000)); // warm-up: let the JIT compile the hot paths
const durations = time(messages);
const characters = messages.reduce((total, text) => total + text.length, 0) / messages.length;
const format = (milliseconds: number): string => `${(milliseconds * 1000).toFixed(1)} µs`;
console.log(`module load (import + weights decode): ${loadMilliseconds.toFixed(1)} ms`);
console.log(`${CALLS} calls, mean message ${characters.toFixed(0)} characters`);
console.log(
  `per call: p50 ${format(percentile(durations, 0.5))}, p99 ${format(percentile(durations, 0.99))}, max ${format(durations.at(-1)!)}`,
);

const long = "had a bowl of oatmeal with banana and peanut butter for breakfast, then ran 5k. "
  .repeat(60)
  .slice(0, 4000);
const longDurations = time(Array.from({ length: 200 }, () => long));
console.log(
  `4,000-character message: p50 ${format(percentile(longDurations, 0.5))}, p99 ${format(percentile(longDurations, 0.99))}`,
);
