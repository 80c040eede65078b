import { databaseHealth, internalWorkerResponse } from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";

/** The metrics-workout Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class MetricsWorkoutWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return databaseHealth("metrics-workout", this.env.DB);
  }
}
