import { databaseHealth, internalWorkerResponse } from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";

/** The meal Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class MealWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return databaseHealth("meal", this.env.DB);
  }
}
