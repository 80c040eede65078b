import { internalWorkerResponse } from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";

/** The coordinator Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class CoordinatorWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return { worker: "coordinator", ok: true };
  }
}
