import { defineConfig } from "vitest/config";

// Plain Node: the harness drives Workers from outside through Miniflare, it never runs inside one.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], environment: "node" } });
