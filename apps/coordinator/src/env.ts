import type { MealRpc, MetricsWorkoutRpc, ProtocolRpc } from "@ensemble/contracts";

/** `Env` from `wrangler types`, with each service binding typed by the contract its Worker implements. */
export type Bindings = Omit<Env, "MEAL" | "PROTOCOL" | "METRICS_WORKOUT"> & {
  MEAL: Fetcher & MealRpc;
  PROTOCOL: Fetcher & ProtocolRpc;
  METRICS_WORKOUT: Fetcher & MetricsWorkoutRpc;
};
