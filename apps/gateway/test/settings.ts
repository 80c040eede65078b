/** The local engine's pause between streamed pieces in the gateway's tests (see vitest.config.ts). */
export const TEST_STREAM_DELAY_MS = 10;
