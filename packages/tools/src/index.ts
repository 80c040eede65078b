// Every domain's tool definitions, one export line per domain.
export * from "./meal.ts";
export * from "./metrics-workout.ts";
export * from "./protocol.ts";
