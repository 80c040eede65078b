import { databaseHealth, internalWorkerResponse } from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";

/** The embedding Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class EmbeddingWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return databaseHealth("embedding", this.env.DB);
  }
}
