import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{transpiler,harness,vm-images,nixos-tests,reports,bench}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "dist/**"],
    testTimeout: 20_000,
    globalSetup: ["harness/setup/global-setup.ts"],
    reporters: ["default"],
  },
});
