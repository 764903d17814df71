/**
 * NixOS modules in isolation: psl's module frontend (evaluate with psl's evaluator and bundled lib, then
 * the JSON frontend, to specs) against `nix-instantiate` evaluating the same isolation expression once per
 * module (eval only, start-up included, as a loop of nix-instantiate calls would be). Two workloads: the
 * modules in `examples/nix`, and a batch of 36 modules (the examples under six different service names)
 * translated in one psl process, where the lib is evaluated once.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeEvalHost } from "../transpiler/cli/nix-host.js";
import { SourceRegistry } from "../transpiler/diagnostics/index.js";
import { Evaluator } from "../transpiler/eval/evaluator.js";
import { ModuleFrontend } from "../transpiler/frontends/module/read-module.js";
import type { Bench } from "./bench.js";
import { hasNixInstantiate, timeNix } from "./nix-reference.js";

const root = join(import.meta.dirname, "../..");
const nixDir = join(root, "transpiler/nixos/nix");

/** Each example module with the settings that enable it. */
const EXAMPLES: readonly [file: string, settings: string][] = [
  ["ini-daemon.nix", "{ services.inidaemon.enable = true; }"],
  ["multi-instance.nix", "{ services.queue-worker.instances = { a = { }; b = { }; }; }"],
  ["oneshot-migrate.nix", "{ services.schema-migrate.enable = true; }"],
  ["timer-backup.nix", "{ services.nightly-backup.enable = true; }"],
  ["hardened.nix", "{ services.metrics-agent.enable = true; }"],
  ["app-with-db.nix", "{ services.notes-app.enable = true; }"],
];

interface Job {
  readonly module: string;
  readonly settings: string;
}

function makeBatch(dir: string, copies: number): Job[] {
  const jobs: Job[] = [];
  for (let c = 0; c < copies; c++) {
    for (const [file, settings] of EXAMPLES) {
      const text = readFileSync(join(root, "examples/nix", file), "utf8");
      const module = join(dir, `${c}-${file}`);
      writeFileSync(module, c === 0 ? text : text.replaceAll('"notes-db"', `"notes-db-${c}"`));
      const s = join(dir, `${c}-${file}.settings.nix`);
      writeFileSync(s, settings);
      jobs.push({ module, settings: s });
    }
  }
  return jobs;
}

function runPsl(jobs: readonly Job[]): { ms: number; specs: number } {
  const t0 = performance.now();
  const frontend = new ModuleFrontend({
    evaluator: new Evaluator({ host: nodeEvalHost({}) }),
    nixDir,
    readText: (p) => readFileSync(p, "utf8"),
  });
  let specs = 0;
  for (const j of jobs) {
    const r = frontend.translate(
      j.module,
      j.module,
      { sets: [], configs: [{ path: j.settings, display: "settings" }] },
      new SourceRegistry(),
    );
    if (r.diagnostics.some((d) => d.severity === "error"))
      throw new Error(`psl failed on ${j.module}: ${r.diagnostics[0]?.message}`);
    specs += r.specs.length;
  }
  return { ms: performance.now() - t0, specs };
}

function runNix(jobs: readonly Job[]): number {
  let ms = 0;
  for (const j of jobs) {
    ms += timeNix([
      "--eval",
      "--strict",
      "--json",
      join(nixDir, "eval-isolated.nix"),
      "--arg",
      "module",
      j.module,
      "--arg",
      "settings",
      `[ ${j.settings} ]`,
      "--arg",
      "packageNames",
      '[ "inidaemon" "queue-worker" "metrics-agent" "notes-app" ]',
    ]);
  }
  return ms;
}

export const modulesBench: Bench = {
  name: "NixOS modules: translate in one psl process vs nix-instantiate per module",
  skip: () => (hasNixInstantiate() ? undefined : "nix-instantiate is not installed"),
  async run() {
    const dir = mkdtempSync(join(tmpdir(), "psl-bench-modules-"));
    try {
      const examples = makeBatch(join(dir), 1);
      const batch = makeBatch(mkdtempSync(join(dir, "b-")), 6);
      const lines: string[] = [];
      for (const [label, jobs] of [
        [`examples/nix (${examples.length} modules)`, examples],
        [`batch of ${batch.length} modules`, batch],
      ] as const) {
        const psl = Math.min(...[0, 1].map(() => runPsl(jobs).ms));
        const nix = Math.min(...[0, 1].map(() => runNix(jobs)));
        lines.push(
          `${label}: psl ${psl.toFixed(0)} ms (${(psl / jobs.length).toFixed(0)} ms/module, to specs), nix-instantiate ${nix.toFixed(0)} ms (${(nix / jobs.length).toFixed(0)} ms/module, eval only) → ratio ${(psl / nix).toFixed(2)}×`,
        );
      }
      return { name: this.name, lines };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
