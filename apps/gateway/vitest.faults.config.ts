// The gateway under faults: every remote model failing (the local engine is the chain's last
// resort), the protocol Worker crashing on every message, and the metrics-workout Worker too slow
// for the coordinator's branch timeout.
import { workerTestConfig } from "../../scripts/test/worker-test-config.ts";
import { TEST_AUTH_SECRET } from "./vitest.config.ts";

const config = await workerTestConfig("gateway", {
  vars: { AUTH_SECRET: TEST_AUTH_SECRET, DEV_SIGN_IN: "disabled" },
  sharedVars: { LOCAL_FAULT_ERROR_RATE: "1" },
  auxiliaryVars: {
    protocol: { WORKER_FAULT_ERROR_RATE: "1" },
    "metrics-workout": { WORKER_FAULT_LATENCY_MS: "3000" },
    coordinator: { BRANCH_TIMEOUT_MS: "500" },
  },
});
config.test = { ...config.test, include: ["test/faults/**/*.test.ts"], exclude: [] };
export default config;
