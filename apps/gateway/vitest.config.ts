import { workerTestConfig } from "../../scripts/test/worker-test-config.ts";

export const TEST_AUTH_SECRET = "test-secret-for-vitest-only";

export default workerTestConfig("gateway", { vars: { AUTH_SECRET: TEST_AUTH_SECRET } });
