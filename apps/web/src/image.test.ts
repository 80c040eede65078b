import { describe, expect, it } from "vitest";
import { scaledSize } from "./image.ts";

describe("scaledSize", () => {
  it("keeps small photos and scales the longest side of big ones to the limit", () => {
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(scaledSize(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
  });
});
