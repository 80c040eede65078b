import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CaseError, filterCases, loadCases, parseCaseFile } from "./load.ts";
import { forbiddenTools } from "./schema.ts";

const valid = `
defaults:
  tags: [meal]
  route: { paths: [specialist], domains: [meal] }
cases:
  - id: eggs-breakfast
    message: two eggs for breakfast
    tools: { required: [log_meal], optional: [search_foods] }
    calls:
      - tool: log_meal
        arguments: { mealType: [breakfast, <omitted>], items: [[{ food: /eggs?/ }]] }
    rubric:
      - { criterion: "says it was logged", check: { mentions: [logged] }, weight: 2 }
    tags: [log]
  - id: what-if-pizza
    message: what if I ate a whole pizza?
    route: { paths: [specialist, general], domains: [[meal], []] }
    tools: { optional: [search_foods] }
    tags: [hypothetical]
`;

describe("parseCaseFile", () => {
  it("merges defaults and fills in the optional fields", () => {
    const { cases, problems } = parseCaseFile(valid, "meal.yaml");
    expect(problems).toEqual([]);
    expect(cases).toHaveLength(2);
    const [eggs, pizza] = cases;
    expect(eggs).toMatchObject({
      id: "eggs-breakfast",
      file: "meal.yaml",
      tags: ["meal", "log"],
      setup: [],
      threshold: 0.7,
      route: { paths: ["specialist"], domains: ["meal"] },
    });
    expect((eggs!.calls[0]!.arguments as Record<string, unknown>).mealType).toEqual(["breakfast", "<omitted>"]);
    expect(eggs!.rubric[0]!.weight).toBe(2);
    expect(pizza!.route!.domains).toEqual([["meal"], []]);
    expect(pizza!.tools.required).toEqual([]);
  });

  it("forbids every write tool for hypothetical cases", () => {
    const pizza = parseCaseFile(valid, "meal.yaml").cases[1]!;
    const forbidden = forbiddenTools(pizza);
    expect(forbidden.has("log_meal")).toBe(true);
    expect(forbidden.has("log_supplement_intake")).toBe(true);
    expect(forbidden.has("search_foods")).toBe(false);
  });

  it("reports each problem with its file and case id", () => {
    const text = `
cases:
  - id: bad-tool
    message: hi
    tools: { required: [log_mael] }
  - id: Bad Id
    message: hi
  - id: conflict
    message: I did not eat the cake
    tools: { required: [log_meal], forbidden: [log_meal] }
  - id: hypothetical-write
    message: what if I logged a cake
    tools: { required: [log_meal] }
    tags: [hypothetical]
  - id: stray-call
    message: log eggs
    calls: [{ tool: log_meal }]
  - id: bad-check
    message: hi
    rubric: [{ criterion: "says hi", check: { sounds: nice } }]
`;
    const { cases, problems } = parseCaseFile(text, "bad.yaml");
    expect(cases).toEqual([]);
    expect(problems.join("\n")).toMatch(/bad\.yaml bad-tool: tools\.required\.0: unknown tool "log_mael"/);
    expect(problems.join("\n")).toMatch(/bad\.yaml Bad Id: id: ids are lower-case/);
    expect(problems.join("\n")).toMatch(/conflict: tools: log_meal cannot be both forbidden and required/);
    expect(problems.join("\n")).toMatch(/hypothetical-write: tools\.required: log_meal writes/);
    expect(problems.join("\n")).toMatch(
      /stray-call: calls: calls names log_meal, which is neither required nor optional/,
    );
    expect(problems.join("\n")).toMatch(/bad-check: rubric\.0\.check/);
  });

  it("rejects YAML that is not a case file", () => {
    expect(parseCaseFile("just: [a, b", "broken.yaml").problems[0]).toMatch(/broken\.yaml: not valid YAML/);
    expect(parseCaseFile("cases: []", "empty.yaml").problems[0]).toMatch(/empty\.yaml/);
  });
});

describe("loadCases", () => {
  it("loads every YAML file of a directory and refuses duplicate ids", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "eval-cases-"));
    writeFileSync(path.join(directory, "a.yaml"), "cases:\n  - { id: same, message: hi }\n");
    writeFileSync(
      path.join(directory, "b.yaml"),
      "cases:\n  - { id: same, message: hello }\n  - { id: other, message: hey }\n",
    );
    expect(() => loadCases(directory)).toThrow(CaseError);
    const problems = (() => {
      try {
        loadCases(directory);
        return [];
      } catch (error) {
        return (error as CaseError).problems;
      }
    })();
    expect(problems).toEqual(["b.yaml same: duplicate id (also in a.yaml)"]);
  });

  it("filters by id, tag and file", () => {
    const { cases } = parseCaseFile(valid, "meal.yaml");
    expect(filterCases(cases, "pizza").map((each) => each.id)).toEqual(["what-if-pizza"]);
    expect(filterCases(cases, "tag:log").map((each) => each.id)).toEqual(["eggs-breakfast"]);
    expect(filterCases(cases, "file:meal,nothing")).toHaveLength(2);
    expect(filterCases(cases, undefined)).toHaveLength(2);
  });
});
