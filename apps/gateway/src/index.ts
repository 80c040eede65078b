import { WorkerEntrypoint } from "cloudflare:workers";
import { app } from "./app.ts";
import type { Bindings } from "./env.ts";

/** The gateway: the one public Worker. Its HTTP API lives in app.ts. */
export default class GatewayWorker extends WorkerEntrypoint<Bindings> {
  override async fetch(request: Request): Promise<Response> {
    return app.fetch(request, this.env, this.ctx);
  }
}
