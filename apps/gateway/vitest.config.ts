import { workerTestConfig } from "../../scripts/test/worker-test-config.ts";
import { TEST_STREAM_DELAY_MS } from "./test/settings.ts";

export const TEST_AUTH_SECRET = "test-secret-for-vitest-only";

export const TEST_EVAL_SECRET = "eval-secret-for-vitest-only";

// Every value the tests depend on is set here, so a developer's apps/gateway/.dev.vars (which the
// pool also reads) cannot change what the tests see. The local engine pauses between streamed
// pieces (streamed answers only), so a test can tell a live stream from a buffered one.
export default workerTestConfig("gateway", {
  vars: { AUTH_SECRET: TEST_AUTH_SECRET, DEV_SIGN_IN: "disabled", EVAL_FORCE_ROUTE_SECRET: TEST_EVAL_SECRET },
  sharedVars: { LOCAL_STREAM_DELAY_MS: String(TEST_STREAM_DELAY_MS) },
});
