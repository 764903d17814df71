/**
 * Evaluation workloads, each timed for psl (a fresh evaluator in this process: parse + evaluate + print)
 * and for `nix-instantiate --eval --strict` on the same text in the same run. nix-instantiate's own start
 * (its time for `-E 1`) is taken off its figure, so the ratio compares evaluation with evaluation. The runs
 * alternate psl and Nix and the best of each is kept, so a burst of load on the machine hits both sides.
 * Then many files: 200 module-like files sharing a library, evaluated by psl in one process (shared
 * import cache) against nix-instantiate run once per file, and against one nix-instantiate for all.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeEvalHost } from "../transpiler/cli/nix-host.js";
import { Evaluator } from "../transpiler/eval/evaluator.js";
import type { Value } from "../transpiler/eval/value.js";
import type { Bench } from "./bench.js";
import { best, hasNixInstantiate, ratio, timeIt, timeNix } from "./nix-reference.js";

export const EVAL_WORKLOADS: Readonly<Record<string, string>> = {
  "deep recursion (40,000 levels)": "let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 40000",
  "genList/foldl' over 100,000": "builtins.foldl' (a: b: a + b) 0 (builtins.genList (i: i * 2) 100000)",
  "large // merges (20,000 updates of a 1,024-key set)":
    'builtins.length (builtins.attrNames (builtins.foldl\' (acc: i: acc // { "k${toString (builtins.bitAnd i 1023)}" = i; }) {} (builtins.genList (i: i) 20000)))',
  "string building (20,000 appends)":
    'builtins.stringLength (builtins.foldl\' (acc: i: acc + "x${toString i}") "" (builtins.genList (i: i) 20000))',
  "lib-style code (attrs, map, filter, fix)":
    'let fix = f: let x = f x; in x; s = fix (self: builtins.listToAttrs (map (i: { name = "a${toString i}"; value = { n = i; dbl = self."a${toString i}".n * 2; }; }) (builtins.genList (i: i) 20000))); in builtins.length (builtins.filter (v: v.dbl > 100) (builtins.attrValues s))',
};

function evalText(text: string): void {
  const ev = new Evaluator({ host: nodeEvalHost(process.env) });
  const r = ev.evalExpr(text, { basePath: os.tmpdir() });
  if (r.value === undefined) throw new Error(r.diagnostics[0]?.message);
  ev.deepForce(r.value);
  ev.print(r.value);
}

function writeModules(dir: string, n: number): string[] {
  fs.writeFileSync(
    path.join(dir, "lib.nix"),
    'rec { mkService = name: cfg: { inherit name; enable = cfg.enable or true; script = "run ${name} ${toString (cfg.port or 80)}"; deps = map (d: "${d}.service") (cfg.deps or [ ]); }; merge = builtins.foldl\' (a: b: a // b) { }; }\n',
  );
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `m${i}.nix`);
    fs.writeFileSync(
      f,
      `let lib = import ./lib.nix; in lib.merge [ { s${i} = lib.mkService "svc${i}" { port = ${8000 + i}; deps = [ "net" "db${i % 5}" ]; }; } { extra${i} = builtins.genList (x: x * ${i}) 50; } ]\n`,
    );
    files.push(f);
  }
  return files;
}

export const nixEvalBench: Bench = {
  name: "nix: evaluation workloads",
  id: "nix-eval",
  skip: () => (hasNixInstantiate() ? undefined : "nix-instantiate is not installed (Debian's nix-bin)"),
  async run() {
    const lines: string[] = [];
    const startup = best(5, () => timeNix(["--eval", "-E", "1"]));
    lines.push(
      `nix-instantiate start-up (--eval -E 1): ${startup.toFixed(0)} ms, taken off its figures below`,
    );
    for (const [name, text] of Object.entries(EVAL_WORKLOADS)) {
      evalText(text);
      let psl = Number.POSITIVE_INFINITY;
      let nixRun = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 5; i++) {
        psl = Math.min(
          psl,
          timeIt(() => evalText(text)),
        );
        nixRun = Math.min(nixRun, timeNix(["--eval", "--strict", "-E", text]));
      }
      const nix = nixRun - startup;
      lines.push(
        `${name}: psl ${psl.toFixed(0)} ms, nix ${nix.toFixed(0)} ms → ${ratio(psl, Math.max(1, nix))}`,
      );
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "psl-bench-modules-"));
    const files = writeModules(dir, 200);
    const batch = () => {
      const ev = new Evaluator({ host: nodeEvalHost(process.env) });
      for (const f of files) {
        const r = ev.evalFile(f);
        if (r.value === undefined) throw new Error(r.diagnostics[0]?.message);
        ev.deepForce(r.value as Value);
      }
    };
    batch();
    const pslBatch = best(3, () => timeIt(batch));
    const perFile = timeIt(() => {
      for (const f of files) timeNix(["--eval", "--strict", f]);
    });
    const allInOne = best(3, () =>
      timeNix(["--eval", "--strict", "-E", `map import [ ${files.map((f) => f).join(" ")} ]`]),
    );
    lines.push(
      `200 module files in one psl process: ${pslBatch.toFixed(0)} ms; nix-instantiate once per file: ${perFile.toFixed(0)} ms → ${ratio(pslBatch, perFile)}`,
      `  against one nix-instantiate importing all 200: ${allInOne.toFixed(0)} ms → ${ratio(pslBatch, allInOne)}`,
    );
    return { name: this.name, lines };
  },
};
