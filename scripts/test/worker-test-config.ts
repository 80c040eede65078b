// One vitest configuration shape for every Worker app: the app itself runs as the test Worker from
// its wrangler.jsonc, the Workers it binds to (and theirs, transitively) run as auxiliary Workers,
// and every data-owning Worker's migrations are handed to the test setup to apply.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import path from "node:path";
import { defineConfig } from "vitest/config";
import {
  auxiliaryWorker,
  migrationsDirectory,
  readWranglerConfig,
  repositoryRoot,
  sharedDatabases,
} from "./auxiliary-workers.ts";

function serviceApp(service: string): string {
  return service.replace(/^ensemble-/, "");
}

/** The apps `app` reaches over service bindings, directly or through others. */
export function reachableApps(app: string): string[] {
  const seen = new Set<string>();
  const pending = [app];
  while (pending.length > 0) {
    for (const service of readWranglerConfig(pending.pop()!).services ?? []) {
      const target = serviceApp(service.service);
      if (target !== app && !seen.has(target)) {
        seen.add(target);
        pending.push(target);
      }
    }
  }
  return [...seen];
}

export interface WorkerTestOptions {
  /** Extra variables for the test Worker only (e.g. a test AUTH_SECRET). */
  vars?: Record<string, string>;
  /** Extra variables for the test Worker and every auxiliary Worker (e.g. fault injection). */
  sharedVars?: Record<string, string>;
  /** Per-app variable overrides for auxiliary Workers. */
  auxiliaryVars?: Record<string, Record<string, string>>;
}

export async function workerTestConfig(app: string, options: WorkerTestOptions = {}) {
  const auxiliary = reachableApps(app);
  const owners = [app, ...auxiliary].filter(
    (candidate) => (readWranglerConfig(candidate).d1_databases ?? []).length > 0,
  );
  const migrations = Object.fromEntries(
    await Promise.all(
      owners.map(async (owner) => [owner, await readD1Migrations(migrationsDirectory(owner))] as const),
    ),
  );
  return defineConfig({
    plugins: [
      cloudflareTest({
        wrangler: { configPath: path.join(repositoryRoot, "apps", app, "wrangler.jsonc") },
        miniflare: {
          bindings: { ...options.sharedVars, ...options.vars, TEST_MIGRATIONS: migrations, TEST_APP: app },
          d1Databases: sharedDatabases(owners.filter((owner) => owner !== app)),
          workers: auxiliary.map((name) =>
            auxiliaryWorker(name, { ...options.sharedVars, ...options.auxiliaryVars?.[name] }),
          ),
        },
      }),
    ],
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      // Fault suites need their own Worker configuration (see apps/gateway/vitest.faults.config.ts).
      exclude: ["test/faults/**"],
      setupFiles: [path.join(repositoryRoot, "scripts/test/apply-migrations.ts")],
      testTimeout: 20_000,
    },
  });
}
