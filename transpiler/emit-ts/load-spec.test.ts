import { describe, expect, it } from "vitest";
import { loadSpecFile } from "./load-spec.js";

const load = (files: Record<string, string>, entry = "s.ts") =>
  loadSpecFile(entry, { readFile: (p) => files[p] });

describe("loading .ts specs", () => {
  it("runs the file and validates its default export", () => {
    const r = load({
      "s.ts":
        'import { defineService } from "psl";\nexport default defineService({ name: "a", process: { start: [{ argv: ["/bin/a"] }] } });\n',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.spec?.name).toBe("a");
  });

  it("lets a spec share values through relative modules", () => {
    const r = load(
      {
        "svc/s.ts": 'import { base } from "./common.js";\nexport default { ...base, name: "b" };\n',
        "svc/common.ts": 'export const base = { process: { start: [{ argv: ["/bin/b"] }] } };\n',
      },
      "svc/s.ts",
    );
    expect(r.spec).toEqual({ name: "b", process: { start: [{ argv: ["/bin/b"] }] } });
  });

  it("locates schema errors at their line in the .ts file", () => {
    const r = load({
      "s.ts":
        'export default {\n  name: "a",\n  process: {\n    start: [{ argv: ["/bin/a"] }],\n    nice: 99,\n    tpye: "simple",\n  },\n};\n',
    });
    expect(r.spec).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.position?.line])).toEqual([
      ["PSL5001", 5],
      ["PSL5002", 6],
    ]);
  });

  it("reports syntax errors, missing default exports, forbidden imports and unsafe names", () => {
    expect(load({ "s.ts": "export default {" }).diagnostics[0]?.code).toBe("PSL5005");
    expect(load({ "s.ts": "export const x = 1;" }).diagnostics[0]?.code).toBe("PSL5006");
    expect(load({ "s.ts": 'import fs from "node:fs"; export default fs;' }).diagnostics[0]?.message).toMatch(
      /cannot be imported/,
    );
    expect(
      load({ "s.ts": 'export default { name: "../etc", process: { type: "oneshot" } };' }).diagnostics[0]
        ?.code,
    ).toBe("PSL4010");
    expect(load({ "s.ts": "throw new Error('boom');" }).diagnostics[0]?.message).toMatch(/boom/);
    expect(load({ "s.ts": "while (true) {}" }).diagnostics[0]?.message).toMatch(/timed out/);
  });
});
