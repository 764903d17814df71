/**
 * Golden files: every example × every target, rendered in host-package mode (Debian). Each generated file
 * is compared with its reviewed copy under golden/<example>/<target>/, and a manifest per (example, target)
 * lists paths and modes, so a file that appears or disappears shows too. psl-run itself is listed by hash
 * only (it has its own tests). Update after a reviewed change with
 * `npx vitest run transpiler/generators/golden.test.ts -u`; CI never writes them.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GENERATORS, TARGETS } from "./index.js";
import { exampleCases } from "./testing/examples.js";

const cases = exampleCases();

describe.each(cases.map((c) => [c.name, c] as const))("golden files of %s", (name, c) => {
  it.each(TARGETS.map((t) => [t]))("%s", async (target) => {
    const r = GENERATORS[target].render(c.specs, { storeMode: "host" });
    const manifest: string[] = [];
    for (const f of r.files) {
      const mode = (f.mode & 0o7777).toString(8).padStart(4, "0");
      if (f.path.endsWith("/psl-run")) {
        const hash = createHash("sha256").update(f.content).digest("hex").slice(0, 16);
        manifest.push(`${mode} ${f.path} sha256:${hash}`);
        continue;
      }
      manifest.push(`${mode} ${f.path}`);
      await expect(f.content).toMatchFileSnapshot(`./golden/${name}/${target}/${f.path}`);
    }
    manifest.push(
      "",
      "# diagnostics",
      ...r.diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message}`),
      "",
    );
    await expect(manifest.join("\n")).toMatchFileSnapshot(`./golden/${name}/${target}.manifest`);
  });
});
