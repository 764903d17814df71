/**
 * emit-ts: golden files for every example, the round trip spec → .ts → spec, and `tsc` accepting the
 * emitted files against psl's exported types (and rejecting a typo, so the check can fail).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ServiceSpec } from "../spec/schema.js";
import { corpusSpecs } from "../test-support/corpus.js";
import { emitSpecSource } from "./emit-spec.js";
import { loadSpecFile } from "./load-spec.js";

const root = join(import.meta.dirname, "../..");

const corpus = corpusSpecs();

describe("emit-ts", () => {
  it("has a corpus", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(13);
  });

  for (const { label, spec } of corpus) {
    it(`matches the reviewed golden file for ${label}`, async () => {
      await expect(emitSpecSource(spec)).toMatchFileSnapshot(`golden/${label}.ts`);
    });

    it(`loads ${label} back to the very same spec`, () => {
      const text = emitSpecSource(spec);
      const r = loadSpecFile("services/x.ts", {
        readFile: (p) => (p === "services/x.ts" ? text : undefined),
      });
      expect(r.diagnostics).toEqual([]);
      expect(r.spec).toEqual(spec);
    });
  }

  it("writes multi-line text as template literals that survive backticks and ${", () => {
    const spec: ServiceSpec = {
      name: "t",
      process: {
        start: [
          { argv: ["/bin/sh"], script: { name: "t-start", text: "echo `date` ${HOME} \\n\n\tdone\n" } },
        ],
      },
    };
    const text = emitSpecSource(spec);
    expect(text).toContain("text: `echo \\`date\\` \\${HOME} \\\\n\n\tdone\n`");
    expect(loadSpecFile("a.ts", { readFile: () => text }).spec).toEqual(spec);
  });
});

const tsc = join(root, "node_modules/.bin/tsc");

describe("emitted specs type-check against psl's exported types", () => {
  function typecheck(files: Record<string, string>): { status: number | null; output: string } {
    const dir = mkdtempSync(join(tmpdir(), "psl-emit-"));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(root, "node_modules/@types")],
          paths: { psl: [join(root, "transpiler/index.ts")] },
        },
        include: ["*.ts"],
      };
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
      const r = spawnSync(tsc, ["-p", dir], { encoding: "utf8" });
      return { status: r.status, output: `${r.stdout}${r.stderr}` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("accepts every emitted spec and rejects a misspelt field", () => {
    const files = Object.fromEntries(
      corpus.map(({ label, spec }, i) => [`s${i}-${basename(label)}.ts`, emitSpecSource(spec)]),
    );
    files["bad.ts"] = emitSpecSource({ name: "x", process: { start: [{ argv: ["/bin/x"] }] } }).replace(
      "start:",
      "strat:",
    );
    const r = typecheck(files);
    const errorLines = r.output.split("\n").filter((l) => /error TS/.test(l));
    expect(errorLines.length).toBeGreaterThan(0);
    expect(errorLines.every((l) => l.includes("bad.ts") && l.includes("strat"))).toBe(true);
  }, 60_000);
});
