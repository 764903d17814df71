/**
 * psl's bundled Nix lib against nixpkgs' own lib, with real Nix as the evaluator. Each case in
 * `nix/lib-cases/` is a function of `lib`; its expected outcome (`<case>.golden`: the `--json` output, or the
 * error message) was produced by nixpkgs' lib. The bundled lib must give exactly that. With PSL_NIXPKGS set
 * (a directory with `lib/`), nixpkgs' lib is run too and must still give the golden (`vitest -u` rewrites the
 * golden from it). Skipped visibly when nix-instantiate is not installed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import {
  type NixRun,
  nixErrorMessage,
  nixInstantiate,
  nixpkgsPath,
  runNixEval,
} from "../test-support/nix-instantiate.js";

const here = import.meta.dirname;
const casesDir = join(here, "nix/lib-cases");
const bundledLib = join(here, "nix/lib");
const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith(".nix"))
  .map((f) => f.slice(0, -4))
  .sort();

/** What a run gave, as the golden file keeps it: pretty JSON, or `error: <message>`. */
function outcome(run: NixRun): string {
  if (run.exitCode !== 0) return `error: ${nixErrorMessage(run).replace(/\n {7}/g, "\n")}\n`;
  return `${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`;
}

const evalCase = (name: string, lib: string) =>
  runNixEval({ expr: `import ${join(casesDir, `${name}.nix`)} { lib = import ${lib}; }` });

describe.runIf(nixInstantiate !== undefined)("bundled lib agrees with nixpkgs' lib", () => {
  it("has a corpus of cases", () => {
    if (cases.length < 40) throw new Error(`only ${cases.length} cases`);
  });

  for (const name of cases) {
    it.concurrent(name, async ({ expect }) => {
      const golden = join(casesDir, `${name}.golden`);
      if (nixpkgsPath !== undefined) {
        const real = outcome(await evalCase(name, join(nixpkgsPath, "lib")));
        await expect(real).toMatchFileSnapshot(golden);
      }
      expect(existsSync(golden), `${golden} is missing: run with PSL_NIXPKGS set and -u`).toBe(true);
      const bundled = outcome(await evalCase(name, bundledLib));
      expect(bundled).toBe(readFileSync(golden, "utf8"));
    });
  }
});

describe.runIf(nixInstantiate !== undefined && nixpkgsPath !== undefined)("nixpkgs lib is available", () => {
  it("PSL_NIXPKGS has lib/default.nix", () => {
    if (nixpkgsPath !== undefined && !existsSync(join(nixpkgsPath, "lib/default.nix")))
      throw new Error(`PSL_NIXPKGS=${nixpkgsPath} has no lib/default.nix`);
  });
});
