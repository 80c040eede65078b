export * from "./common.ts";
export * from "./rpc.ts";
export * from "./food.ts";
export * from "./http.ts";
export * from "./vision.ts";
export * from "./meal.ts";
export * from "./metrics-workout.ts";
export * from "./protocol.ts";
