// The embedding for food search starts in parallel with context assembly, not after it: as soon as
// a text message is accepted, the meal Worker works out the food searches it is likely to need and
// the embedding Worker embeds them, while the gateway loads the conversation and the profile and
// the router classifies. If the message goes to the meal specialist, its searches find their
// vectors ready or on the way. Nothing waits for the prefetch, and its failure changes nothing.
import type { Span } from "@ensemble/contracts";
import type { Bindings } from "./env.ts";

export interface FoodPrefetch {
  /** Settles when the prefetch has; never rejects. Give it to `waitUntil`. */
  done: Promise<void>;
  /** Its span, once it has settled. */
  span(): Span | undefined;
}

export function startFoodPrefetch(environment: Bindings, message: string): FoodPrefetch {
  const startMs = Date.now();
  const started = performance.now();
  let span: Span | undefined;
  const finish = (status: Span["status"], detail: string) => {
    span = {
      name: "food-search.prefetch",
      worker: "meal",
      startMs,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      status,
      detail,
    };
  };
  const done = environment.MEAL.prefetchFoods({ message }).then(
    (reply) => {
      if (!reply.ok) return finish("error", reply.error.message);
      const { queries, computed, cached } = reply.value;
      if (queries.length === 0) return finish("skipped", "no food named");
      finish("ok", `${queries.join(", ")}: ${computed} embedded, ${cached} already embedded`);
    },
    (error: unknown) => finish("error", error instanceof Error ? error.message : String(error)),
  );
  return { done, span: () => span };
}
