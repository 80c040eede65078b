import { databaseHealth, internalWorkerResponse } from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";

/** The protocol Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class ProtocolWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return databaseHealth("protocol", this.env.DB);
  }
}
