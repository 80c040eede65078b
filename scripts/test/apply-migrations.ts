// Test setup for every Worker app: applies the migrations of the app and of each data-owning
// Worker it reaches. The app's own database is `DB`; the others are the shared `<APP>_DB` bindings.
import { applyD1Migrations, env } from "cloudflare:test";

const bindings = env as unknown as Record<string, unknown>;
for (const [app, migrations] of Object.entries(env.TEST_MIGRATIONS)) {
  const name = app === env.TEST_APP ? "DB" : `${app.replace("-", "_").toUpperCase()}_DB`;
  await applyD1Migrations(bindings[name] as D1Database, migrations);
}
