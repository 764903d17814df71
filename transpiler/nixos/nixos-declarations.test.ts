/**
 * psl's NixOS declarations against NixOS's own (`nix/nixos-declarations.nix` wires the real
 * `nixos/lib/systemd-*.nix` and `etc.nix` from PSL_NIXPKGS): for psl's examples and for real nixpkgs service
 * modules found under PSL_NIXPKGS, the isolated evaluation with psl's bundled lib and psl's declarations must
 * print exactly what nixpkgs' lib with NixOS's declarations prints. Skipped visibly without nix-instantiate, or
 * when PSL_NIXPKGS has no `nixos/lib/systemd-lib.nix`; a listed real module missing from it is skipped too.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../test-support/corpus.js";
import { describeRun, nixInstantiate, nixpkgsPath, runNixEval } from "../test-support/nix-instantiate.js";
import { splitIsolationResult } from "./isolation-result.js";

const entry = join(repoRoot, "transpiler/nixos/nix/eval-isolated.nix");
const nixos = nixpkgsPath === undefined ? undefined : join(nixpkgsPath, "nixos");
const haveNixos = nixos !== undefined && existsSync(join(nixos, "lib/systemd-lib.nix"));

interface Case {
  /** The module: relative to the repository (examples) or to PSL_NIXPKGS (real modules). */
  readonly module: string;
  readonly settings: string;
  readonly packages?: readonly string[];
  readonly real?: boolean;
}

const example = (name: string, settings: string, packages: string[] = []): Case => ({
  module: `examples/nix/${name}.nix`,
  settings,
  packages,
});

/** Small real service modules of nixpkgs, each with settings that turn most of it on. */
const REAL: readonly Case[] = [
  {
    module: "nixos/modules/services/networking/iperf3.nix",
    settings: '{ services.iperf3 = { enable = true; openFirewall = true; extraFlags = [ "--one-off" ]; }; }',
    packages: ["iperf3"],
  },
  {
    module: "nixos/modules/services/networking/spacecookie.nix",
    settings: '{ services.spacecookie = { enable = true; settings.hostname = "gopher.example"; }; }',
    packages: ["spacecookie"],
  },
  {
    module: "nixos/modules/services/misc/beanstalkd.nix",
    settings: "{ services.beanstalkd.enable = true; }",
    packages: ["beanstalkd"],
  },
  {
    module: "nixos/modules/services/misc/nix-gc.nix",
    settings: '{ nix.gc = { automatic = true; dates = "weekly"; }; }',
  },
  {
    module: "nixos/modules/services/misc/jackett.nix",
    settings: "{ services.jackett.enable = true; }",
    packages: ["jackett"],
  },
  {
    module: "nixos/modules/services/misc/irkerd.nix",
    settings: "{ services.irkerd = { enable = true; openPorts = true; }; }",
    packages: ["irker"],
  },
  { module: "nixos/modules/services/misc/fstrim.nix", settings: '{ services.fstrim.interval = "daily"; }' },
  {
    module: "nixos/modules/services/misc/leaps.nix",
    settings: '{ services.leaps = { enable = true; address = "127.0.0.1"; }; }',
    packages: ["leaps"],
  },
].map((c) => ({ ...c, real: true }));

const CASES: readonly Case[] = [
  example("ini-daemon", `[ ${join(repoRoot, "examples/settings/inidaemon.nix")} ]`, ["inidaemon"]),
  example("multi-instance", "{ services.queue-worker.instances = { a = { }; b.enable = false; }; }", [
    "queue-worker",
  ]),
  example("oneshot-migrate", "{ services.schema-migrate.enable = true; }"),
  example("timer-backup", '{ services.nightly-backup = { enable = true; startAt = [ "daily" "*:30" ]; }; }'),
  example("hardened", "{ services.metrics-agent.enable = true; }", ["metrics-agent"]),
  example("app-with-db", "{ services.notes-app.enable = true; }"),
  ...REAL,
];

const modulePath = (c: Case) =>
  c.real === true ? join(nixpkgsPath ?? "", c.module) : join(repoRoot, c.module);

function evalWith(c: Case, lib: string, declarations: string) {
  const settings = c.settings.trimStart().startsWith("[") ? c.settings : `[ ${c.settings} ]`;
  return runNixEval({
    file: entry,
    args: {
      module: modulePath(c),
      settings,
      packageNames: `[ ${(c.packages ?? []).map((p) => JSON.stringify(p)).join(" ")} ]`,
      lib,
      declarations,
    },
  });
}

describe.runIf(nixInstantiate !== undefined && haveNixos)(
  "psl's NixOS declarations agree with NixOS's own",
  () => {
    const bundledLib = `import ${join(repoRoot, "transpiler/modules/nix/lib")}`;
    const realLib = `import ${join(nixpkgsPath ?? "", "lib")}`;
    const ours = `import ${join(repoRoot, "transpiler/nixos/nix/declarations.nix")}`;
    const theirs = `import ${join(repoRoot, "transpiler/nixos/nix/nixos-declarations.nix")} { nixos = ${nixos}; }`;

    for (const c of CASES) {
      it.skipIf(!existsSync(modulePath(c)))(c.module, async () => {
        const psl = await evalWith(c, bundledLib, ours);
        expect(psl.exitCode, describeRun(psl)).toBe(0);
        const nixpkgs = await evalWith(c, realLib, theirs);
        expect(nixpkgs.exitCode, describeRun(nixpkgs)).toBe(0);
        expect(psl.stdout).toBe(nixpkgs.stdout);
        // psl's lib also runs NixOS's own declaration files.
        const mixed = await evalWith(c, bundledLib, theirs);
        expect(mixed.stdout).toBe(nixpkgs.stdout);
        const { systemd } = JSON.parse(splitIsolationResult(psl.stdout).bundle);
        expect(Object.keys({ ...systemd.services, ...systemd.timers }).length).toBeGreaterThan(0);
      });
    }
  },
);
