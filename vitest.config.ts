import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{transpiler,harness,vm-images,nixos-tests,reports,bench}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "dist/**"],
    testTimeout: 20_000,
    globalSetup: ["harness/setup/global-setup.ts"],
    // On 2 cores vitest would default to one worker; the harness's files mostly wait on containers and
    // VMs, so a few workers overlap that waiting (the whole container matrix is I/O-bound).
    maxWorkers: 3,
    reporters: ["default"],
  },
});
