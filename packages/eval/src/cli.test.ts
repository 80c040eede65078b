import { describe, expect, it } from "vitest";
import { UsageError, parseAssignments } from "./cli.ts";

describe("parseAssignments", () => {
  it("is one default assignment with the --set variables when none is named", () => {
    expect(parseAssignments(["MODEL_SPECIALIST=@cf/zai-org/glm-4.7-flash"], [])).toEqual([
      { name: "default", variables: { MODEL_SPECIALIST: "@cf/zai-org/glm-4.7-flash" } },
    ]);
  });

  it("layers each assignment over the --set variables", () => {
    const parsed = parseAssignments(
      ["MODEL_ROUTER=@cf/meta/llama-3.1-8b-instruct-fast"],
      [
        "small:MODEL_SPECIALIST=@cf/zai-org/glm-4.7-flash",
        "big:MODEL_SPECIALIST=@cf/meta/llama-3.3-70b-instruct-fp8-fast,MODEL_SYNTHESIS=@cf/meta/llama-3.3-70b-instruct-fp8-fast",
        "plain",
      ],
    );
    expect(parsed).toEqual([
      {
        name: "small",
        variables: {
          MODEL_ROUTER: "@cf/meta/llama-3.1-8b-instruct-fast",
          MODEL_SPECIALIST: "@cf/zai-org/glm-4.7-flash",
        },
      },
      {
        name: "big",
        variables: {
          MODEL_ROUTER: "@cf/meta/llama-3.1-8b-instruct-fast",
          MODEL_SPECIALIST: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
          MODEL_SYNTHESIS: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
        },
      },
      { name: "plain", variables: { MODEL_ROUTER: "@cf/meta/llama-3.1-8b-instruct-fast" } },
    ]);
  });

  it("rejects malformed variables and duplicate names", () => {
    expect(() => parseAssignments(["model=x"], [])).toThrow(UsageError);
    expect(() => parseAssignments([], ["a:MODEL_X=1", "a:MODEL_X=2"])).toThrow(/given twice/);
  });
});
