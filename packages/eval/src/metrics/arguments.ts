// Argument matching after BFCL's AST checker: every expected parameter has a list of allowed
// values; strings are compared normalised (case, spaces and punctuation ignored); numbers by value
// (an int matches the same float); a marker lets an optional parameter be left out. Departures,
// kept deliberately: lists match in any order (a meal's items, a protocol's times of day have no
// order), parameters the spec does not name are not checked (the tool's own zod schema rejects
// bad ones, and a rejected call shows as ok: false), and "/regex/" allows free-text fields
// ("grilled chicken breast" for "chicken").
import type { ExpectedCall, ValueSpec } from "../cases/schema.ts";

export const OMITTED_MARKERS = new Set(["<omitted>", ""]);

/** BFCL's string normalisation: lower case, without spaces and , . / - _ * ^ ' " characters. */
export function normaliseString(text: string): string {
  return text.toLowerCase().replace(/[\s,./\-_*^'"]/g, "");
}

function isRegex(text: string): boolean {
  return text.length >= 3 && text.startsWith("/") && text.endsWith("/");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One allowed value against the actual value. */
export function matchesAllowed(actual: unknown, allowed: ValueSpec): boolean {
  if (typeof allowed === "string") {
    if (OMITTED_MARKERS.has(allowed)) return actual === undefined;
    if (typeof actual !== "string") return false;
    if (isRegex(allowed)) return new RegExp(allowed.slice(1, -1), "i").test(actual);
    return normaliseString(actual) === normaliseString(allowed);
  }
  if (typeof allowed === "number")
    return typeof actual === "number" && Math.abs(actual - allowed) <= 1e-9 * Math.max(1, Math.abs(allowed));
  if (typeof allowed === "boolean") return actual === allowed;
  if (allowed === null) return actual === null;
  if (Array.isArray(allowed)) {
    if (!Array.isArray(actual) || actual.length !== allowed.length) return false;
    return assignment(allowed, actual, (expected, candidate) => matchesSpec(candidate, expected)) !== null;
  }
  if (!isPlainObject(actual)) return false;
  return Object.entries(allowed).every(([key, spec]) => matchesSpec(actual[key], spec));
}

/** A parameter spec: a list is a list of allowed values, anything else is the one allowed value. */
export function matchesSpec(actual: unknown, spec: ValueSpec): boolean {
  const allowed = Array.isArray(spec) ? spec : [spec];
  return allowed.some((value) => matchesAllowed(actual, value));
}

/**
 * A one-to-one assignment of `expected` items to distinct `actual` items with `fits`, or null.
 * Backtracking: the lists are a handful of items (a meal, a workout, a few parallel calls).
 */
export function assignment<E, A>(
  expected: E[],
  actual: A[],
  fits: (expected: E, actual: A) => boolean,
): number[] | null {
  const used = Array.from({ length: actual.length }, () => false);
  const chosen: number[] = [];
  const search = (index: number): boolean => {
    if (index === expected.length) return true;
    for (let candidate = 0; candidate < actual.length; candidate++) {
      if (used[candidate] || !fits(expected[index]!, actual[candidate]!)) continue;
      used[candidate] = true;
      chosen.push(candidate);
      if (search(index + 1)) return true;
      used[candidate] = false;
      chosen.pop();
    }
    return false;
  };
  return search(0) ? chosen : null;
}

/** The parameters of `call` that do not match `expected` (empty when the call matches); for alternatives, the closest one's. */
export function argumentMismatches(actual: Record<string, unknown>, expected: ExpectedCall["arguments"]): string[] {
  const alternatives = Array.isArray(expected) ? expected : [expected];
  const each = alternatives.map((alternative) =>
    Object.entries(alternative)
      .filter(([name, spec]) => !matchesSpec(actual[name], spec))
      .map(([name]) => name),
  );
  return each.reduce((best, mismatches) => (mismatches.length < best.length ? mismatches : best));
}

export interface ActualCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface ArgumentOutcome {
  expected: number;
  matched: number;
  /** Per expected call: matched, or the closest call's mismatching parameters. */
  details: { tool: string; matched: boolean; mismatches: string[]; closest?: Record<string, unknown> }[];
}

/**
 * Expected calls against the calls made: each expected call must match a distinct actual call of
 * the same tool (parallel calls in any order). Unmatched ones report the nearest candidate's
 * mismatching parameters, for the failure list.
 */
export function matchCalls(expected: ExpectedCall[], actual: ActualCall[]): ArgumentOutcome {
  const fits = (want: ExpectedCall, call: ActualCall) =>
    want.tool === call.name && argumentMismatches(call.arguments, want.arguments).length === 0;
  const full = assignment(expected, actual, fits);
  if (full)
    return {
      expected: expected.length,
      matched: expected.length,
      details: expected.map((want) => ({ tool: want.tool, matched: true, mismatches: [] })),
    };

  // No full assignment: match greedily to report which expected calls found a partner.
  const used = new Set<number>();
  const details = expected.map((want) => {
    const index = actual.findIndex((call, position) => !used.has(position) && fits(want, call));
    if (index >= 0) {
      used.add(index);
      return { tool: want.tool, matched: true, mismatches: [] };
    }
    const candidates = actual.filter((call) => call.name === want.tool);
    if (candidates.length === 0) return { tool: want.tool, matched: false, mismatches: ["(not called)"] };
    const closest = candidates
      .map((call) => ({ call, mismatches: argumentMismatches(call.arguments, want.arguments) }))
      .sort((left, right) => left.mismatches.length - right.mismatches.length)[0]!;
    return { tool: want.tool, matched: false, mismatches: closest.mismatches, closest: closest.call.arguments };
  });
  return { expected: expected.length, matched: details.filter((detail) => detail.matched).length, details };
}
