/**
 * The stand-in generators fulfil the generator contract (rootfs/, install.sh, uninstall.sh), their sh is
 * valid, and systemd quoting keeps arguments intact. What the services do is proven by the compliance
 * suite in real machines; these checks run without an engine.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { INITS } from "../../../vm-images/index.js";
import { SCENARIOS } from "../scenarios.js";
import { STAND_IN_GENERATORS } from "./index.js";
import { systemdQuote } from "./systemd.js";

describe("stand-in generators", () => {
  for (const init of INITS) {
    it(`${init}: every scenario renders rootfs files and scripts that sh can parse`, () => {
      for (const s of SCENARIOS) {
        const { files, diagnostics } = STAND_IN_GENERATORS[init].render(s.specs, { storeMode: "host" });
        expect(diagnostics).toEqual([]);
        const paths = files.map((f) => f.path);
        expect(paths).toContain("install.sh");
        expect(paths).toContain("uninstall.sh");
        for (const f of files) {
          expect(f.path === "install.sh" || f.path === "uninstall.sh" || f.path.startsWith("rootfs/")).toBe(
            true,
          );
          expect(f.mode & 0o002).toBe(0);
          if (f.content.startsWith("#!/bin/sh")) execFileSync("sh", ["-n"], { input: f.content });
        }
      }
    });
  }

  it("quotes systemd words with C escapes and doubled %", () => {
    expect(systemdQuote('a "b" %n\n\\', false)).toBe('"a \\"b\\" %%n\\n\\\\"');
  });
});
