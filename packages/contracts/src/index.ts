export * from "./common.ts";
export * from "./rpc.ts";
export * from "./food.ts";
export * from "./http.ts";
