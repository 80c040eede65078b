// Unit tests of the client's pure logic (SSE parsing, error mapping, chart geometry) run in plain
// Node; the browser itself is exercised by the end-to-end suite in e2e/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
