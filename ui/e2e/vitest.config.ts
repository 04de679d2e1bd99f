import { defineConfig } from "vitest/config";

// End-to-end tests drive the real debug binary through tauri-driver + WebKitWebDriver under
// a virtual display that the global setup starts. They run one file at a time: two webviews
// at once on two cores make timings flaky without testing anything more.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: "forks",
    reporters: ["default"],
  },
});
