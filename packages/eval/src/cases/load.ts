// Reads cases/*.yaml into validated cases. Every problem in every file is collected and reported
// at once, each with its file and case id, so a broken suite is fixed in one pass.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { type EvalCase, caseFileSchema, caseSchema } from "./schema.ts";

export class CaseError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid eval cases:\n  ${problems.join("\n  ")}`);
    this.name = "CaseError";
    this.problems = problems;
  }
}

export interface LoadedCase extends EvalCase {
  file: string;
}

/** Parses one case file's text; `file` names it in error messages. */
export function parseCaseFile(text: string, file: string): { cases: LoadedCase[]; problems: string[] } {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return {
      cases: [],
      problems: [`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const shape = caseFileSchema.safeParse(document);
  if (!shape.success)
    return { cases: [], problems: [`${file}: ${z.prettifyError(shape.error).replaceAll("\n", " ")}`] };
  const defaults = shape.data.defaults ?? {};
  const cases: LoadedCase[] = [];
  const problems: string[] = [];
  shape.data.cases.forEach((raw, index) => {
    const merged: Record<string, unknown> = { ...raw };
    if (defaults.route !== undefined && merged.route === undefined) merged.route = defaults.route;
    if (defaults.threshold !== undefined && merged.threshold === undefined) merged.threshold = defaults.threshold;
    if (defaults.rubric !== undefined)
      merged.rubric = [...defaults.rubric, ...((merged.rubric as unknown[] | undefined) ?? [])];
    if (defaults.tags !== undefined)
      merged.tags = [...new Set([...defaults.tags, ...((merged.tags as string[] | undefined) ?? [])])];
    const parsed = caseSchema.safeParse(merged);
    const name = typeof raw.id === "string" ? raw.id : `#${index + 1}`;
    if (parsed.success) cases.push({ ...parsed.data, file });
    else
      for (const issue of parsed.error.issues)
        problems.push(`${file} ${name}: ${issue.path.join(".") || "(case)"}: ${issue.message}`);
  });
  return { cases, problems };
}

/** Every *.yaml under `directory` (or the one file), validated; throws CaseError listing all problems. */
export function loadCases(location: string): LoadedCase[] {
  const files = statSync(location).isDirectory()
    ? readdirSync(location)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => path.join(location, name))
    : [location];
  const cases: LoadedCase[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const result = parseCaseFile(readFileSync(file, "utf8"), path.basename(file));
    cases.push(...result.cases);
    problems.push(...result.problems);
  }
  const seen = new Map<string, string>();
  for (const evalCase of cases) {
    const earlier = seen.get(evalCase.id);
    if (earlier) problems.push(`${evalCase.file} ${evalCase.id}: duplicate id (also in ${earlier})`);
    seen.set(evalCase.id, evalCase.file);
  }
  if (problems.length > 0) throw new CaseError(problems);
  return cases;
}

/**
 * Keeps the cases a filter names: comma-separated terms, each an id substring, `tag:<tag>` or
 * `file:<name>`; a case is kept when any term matches.
 */
export function filterCases<T extends LoadedCase>(cases: T[], filter: string | undefined): T[] {
  if (!filter) return cases;
  const terms = filter
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean);
  return cases.filter((evalCase) =>
    terms.some((term) => {
      if (term.startsWith("tag:")) return evalCase.tags.includes(term.slice(4));
      if (term.startsWith("file:")) return evalCase.file.startsWith(term.slice(5));
      return evalCase.id.includes(term);
    }),
  );
}
