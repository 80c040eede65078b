import { internalWorkerResponse } from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";

/** The router Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class RouterWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return { worker: "router", ok: true };
  }
}
