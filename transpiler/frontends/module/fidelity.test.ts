/**
 * Fidelity: real nixpkgs service modules (read from the checkout `PSL_NIXPKGS` names; never from the repo)
 * translated by psl's evaluator with psl's bundled lib and declarations, and with the checkout's real lib
 * and NixOS files, must give the very specs real Nix gives through the JSON frontend. Skipped visibly
 * without `PSL_NIXPKGS` or nix-instantiate.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeEvalHost } from "../../cli/nix-host.js";
import { SourceRegistry } from "../../diagnostics/index.js";
import { Evaluator } from "../../eval/evaluator.js";
import { splitIsolationResult } from "../../nixos/isolation-result.js";
import type { ServiceSpec } from "../../spec/schema.js";
import { repoRoot } from "../../test-support/corpus.js";
import { nixInstantiate, nixpkgsPath, runNixEval } from "../../test-support/nix-instantiate.js";
import { readEvaluatedJson } from "../json/read-json.js";
import { fillFileTexts, ModuleFrontend } from "./read-module.js";

/** Small real modules, with settings that turn most of each on. */
const MODULES: readonly [module: string, settings: string, packages: string[]][] = [
  [
    "nixos/modules/services/networking/iperf3.nix",
    '{ services.iperf3 = { enable = true; openFirewall = true; extraFlags = [ "--one-off" ]; }; }',
    ["iperf3"],
  ],
  [
    "nixos/modules/services/networking/spacecookie.nix",
    '{ services.spacecookie = { enable = true; settings.hostname = "gopher.example"; }; }',
    ["spacecookie"],
  ],
  ["nixos/modules/services/misc/beanstalkd.nix", "{ services.beanstalkd.enable = true; }", ["beanstalkd"]],
  ["nixos/modules/services/misc/nix-gc.nix", '{ nix.gc = { automatic = true; dates = "weekly"; }; }', []],
  ["nixos/modules/services/misc/jackett.nix", "{ services.jackett.enable = true; }", ["jackett"]],
  [
    "nixos/modules/services/misc/irkerd.nix",
    "{ services.irkerd = { enable = true; openPorts = true; }; }",
    ["irker"],
  ],
  [
    "nixos/modules/services/misc/leaps.nix",
    '{ services.leaps = { enable = true; address = "127.0.0.1"; }; }',
    ["leaps"],
  ],
];

const root = nixpkgsPath ?? "";
const ready =
  nixInstantiate !== undefined &&
  nixpkgsPath !== undefined &&
  existsSync(join(root, "nixos/lib/systemd-lib.nix"));
const strip = (specs: ServiceSpec[]) =>
  JSON.parse(JSON.stringify(specs, (k, v) => (k === "provenance" ? undefined : v)));
const readText = (p: string) => {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
};
const nixDir = join(repoRoot, "transpiler/nixos/nix");
const scratch = mkdtempSync(join(tmpdir(), "psl-fidelity-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.runIf(ready)("real nixpkgs modules: psl's evaluator agrees with real Nix", () => {
  const bundled = new ModuleFrontend({
    evaluator: new Evaluator({ host: nodeEvalHost({}) }),
    nixDir,
    readText,
  });
  const real = new ModuleFrontend({
    evaluator: new Evaluator({ host: nodeEvalHost({}) }),
    nixDir,
    nixpkgs: root,
    readText,
  });

  for (const [module, settings, packages] of MODULES) {
    it.skipIf(!existsSync(join(root, module)))(
      module,
      async () => {
        const settingsFile = join(scratch, `${module.replaceAll("/", "_")}.settings.nix`);
        writeFileSync(settingsFile, settings);
        const run = await runNixEval({
          file: join(nixDir, "eval-isolated.nix"),
          args: {
            module: join(root, module),
            settings: `[ ${settingsFile} ]`,
            packageNames: `[ ${packages.map((p) => JSON.stringify(p)).join(" ")} ]`,
            lib: `import ${join(root, "lib")}`,
            declarations: `import ${join(nixDir, "nixos-declarations.nix")} { nixos = ${join(root, "nixos")}; }`,
          },
        });
        expect(run.exitCode, run.stderr).toBe(0);
        const result = splitIsolationResult(run.stdout);
        const viaNix = readEvaluatedJson({ path: "nix.json", text: result.bundle }, new SourceRegistry());
        const expected = strip(viaNix.specs.map((s) => fillFileTexts(s, result)));
        expect(expected.length).toBeGreaterThan(0);
        const configs = [{ path: settingsFile, display: "settings.nix" }];
        for (const frontend of [bundled, real]) {
          const r = frontend.translate(
            join(root, module),
            module,
            { sets: [], configs },
            new SourceRegistry(),
          );
          expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          expect(strip(r.specs)).toEqual(expected);
        }
      },
      120_000,
    );
  }
});

it.skipIf(ready)(
  "real nixpkgs modules: skipped without PSL_NIXPKGS (a checkout with lib/ and nixos/lib/) and nix-instantiate",
  () => {
    expect(ready).toBe(false);
  },
);
