import { workerTestConfig } from "../../scripts/test/worker-test-config.ts";

export default workerTestConfig("protocol");
