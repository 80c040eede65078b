import type {
  CoordinatorRpc,
  EmbeddingRpc,
  MealRpc,
  MetricsWorkoutRpc,
  ProtocolRpc,
  RouterRpc,
  VisionRpc,
} from "@ensemble/contracts";

/**
 * `Env` from `wrangler types`, with each service binding typed by the contract its Worker implements,
 * and the values that never appear in wrangler.jsonc: the AUTH_SECRET secret (`wrangler secret put`
 * in production, .dev.vars locally) and DEV_SIGN_IN, which only .dev.vars sets.
 */
export type Bindings = Omit<
  Env,
  "ROUTER" | "COORDINATOR" | "MEAL" | "PROTOCOL" | "METRICS_WORKOUT" | "VISION" | "EMBEDDING"
> & {
  ROUTER: Fetcher & RouterRpc;
  COORDINATOR: Fetcher & CoordinatorRpc;
  MEAL: Fetcher & MealRpc;
  PROTOCOL: Fetcher & ProtocolRpc;
  METRICS_WORKOUT: Fetcher & MetricsWorkoutRpc;
  VISION: Fetcher & VisionRpc;
  EMBEDDING: Fetcher & EmbeddingRpc;
  AUTH_SECRET: string;
  DEV_SIGN_IN?: string;
  /** Set only where the eval harness runs against a deployed gateway; see app.ts evalForcedRoute. */
  EVAL_FORCE_ROUTE_SECRET?: string;
};
