// Bindings that only the test configuration adds (scripts/test/worker-test-config.ts).
import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: Record<string, D1Migration[]>;
      TEST_APP: string;
      MEAL_DB: D1Database;
      PROTOCOL_DB: D1Database;
      METRICS_WORKOUT_DB: D1Database;
      EMBEDDING_DB: D1Database;
      GATEWAY_DB: D1Database;
      /** The gateway's secret, a var in its test configuration. */
      AUTH_SECRET: string;
      EVAL_FORCE_ROUTE_SECRET?: string;
    }
  }
}
