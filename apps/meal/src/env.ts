import type { EmbeddingRpc } from "@ensemble/contracts";

/** `Env` from `wrangler types`, with the service binding typed by the contract its Worker implements. */
export type Bindings = Omit<Env, "EMBEDDING"> & { EMBEDDING: Fetcher & EmbeddingRpc };
