// The vitest pool can run only one Worker from its wrangler config; every other Worker a test needs
// must be given as Miniflare options pointing at pre-built JS (each app's `build` writes dist/).
// This reads an app's wrangler.jsonc and produces those options, so bindings are declared once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface WranglerConfig {
  name: string;
  compatibility_date: string;
  compatibility_flags?: string[];
  vars?: Record<string, string>;
  services?: { binding: string; service: string; entrypoint?: string }[];
  d1_databases?: { binding: string; database_id: string }[];
}

export function readWranglerConfig(app: string): WranglerConfig {
  const text = readFileSync(path.join(repositoryRoot, "apps", app, "wrangler.jsonc"), "utf8");
  // Our configs use only whole-line comments, which is all this strips.
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, "")) as WranglerConfig;
}

/** Miniflare options for one app as an auxiliary Worker, with optional extra vars. */
export function auxiliaryWorker(app: string, vars: Record<string, string> = {}) {
  const config = readWranglerConfig(app);
  const distribution = path.join(repositoryRoot, "apps", app, "dist");
  return {
    name: config.name,
    modules: true,
    scriptPath: path.join(distribution, "index.js"),
    modulesRoot: distribution,
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags ?? [],
    bindings: { ...config.vars, ...vars },
    serviceBindings: Object.fromEntries(
      (config.services ?? []).map((service) => [
        service.binding,
        service.entrypoint ? { name: service.service, entrypoint: service.entrypoint } : service.service,
      ]),
    ),
    d1Databases: Object.fromEntries(
      (config.d1_databases ?? []).map((database) => [database.binding, database.database_id]),
    ),
  };
}

/**
 * Test-only D1 bindings on the test Worker that share storage with each app's database (Miniflare
 * keys D1 storage by database id), so tests can apply every app's migrations and inspect its rows.
 */
export function sharedDatabases(apps: string[]): Record<string, string> {
  return Object.fromEntries(
    apps.flatMap((app) =>
      (readWranglerConfig(app).d1_databases ?? []).map((database) => [
        `${app.replace("-", "_").toUpperCase()}_DB`,
        database.database_id,
      ]),
    ),
  );
}

export function migrationsDirectory(app: string): string {
  return path.join(repositoryRoot, "apps", app, "migrations");
}
