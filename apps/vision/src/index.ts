import { internalWorkerResponse } from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";

/** The vision Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class VisionWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return { worker: "vision", ok: true };
  }
}
