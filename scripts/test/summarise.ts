// Adds up the "Tests  N passed | M failed" lines of every vitest run in a turbo log and prints one
// closing line, so a reader (or CI) sees the whole suite's count at the end. The line is the plain
// "N passed, N failed, N skipped" with no label: a line starting "Tests:" reads as PHPUnit's
// summary ("Tests: 5, Assertions: 9") to a CI that recognises runners by their closing lines, and
// two landings were recorded as having run no test.
import { readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";

const log = stripVTControlCharacters(readFileSync(process.argv[2]!, "utf8"));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of log.split("\n")) {
  const match = /^\S*:?\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line.replace(/^[^:]*:test:\s*/, ""));
  if (!match) continue;
  passed += Number(/(\d+) passed/.exec(match[1]!)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(match[1]!)?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(match[1]!)?.[1] ?? 0);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
