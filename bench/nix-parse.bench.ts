/**
 * Parse throughput on a generated Nix file of more than 10 MB (a package-set-like mix: a large attribute
 * set of package definitions with strings, lists, lambdas, `with`, `let`, interpolation, paths).
 *
 * What is timed is what the product does, like for like with Nix:
 * - psl parse: read the file (as `psl instantiate` reads it), lex, parse to the tree with spans and
 *   diagnostics, resolve scopes against the evaluator's base environment (`EvalContext.parse`, the path
 *   `psl instantiate` and `import` take).
 *   The reference is `nix-instantiate --eval FILE` on a file whose value is a function: Nix reads, parses
 *   and binds variables (its scope resolution), and prints `<LAMBDA>`, nothing else.
 * - psl parse + print: the same, then the tree printed as `--parse` prints it and written to /dev/null
 *   as `psl instantiate --parse` writes it (raw bytes, chunk by chunk as printed); the reference is
 *   `nix-instantiate --parse FILE` (its output goes to /dev/null too).
 * Nix's figures are whole processes; its start-up (`--eval -E 1`) is printed and taken off them, as psl's
 * figures (in this process) include no start-up. The runs alternate psl and Nix and the best of each is
 * kept, so a burst of load on the machine hits both sides. A last line compares whole processes:
 * `psl instantiate --parse` against `nix-instantiate --parse`, start-ups included.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { nodeEvalHost } from "../transpiler/cli/nix-host.js";
import { readTextFile } from "../transpiler/cli/read-text.js";
import { Evaluator } from "../transpiler/eval/evaluator.js";
import type { Expr } from "../transpiler/nix/ast.js";
import { parseNix } from "../transpiler/nix/parser.js";
import { printExprChunks } from "../transpiler/nix/printer.js";
import type { Bench } from "./bench.js";
import { retained } from "./heap.js";
import { hasNixInstantiate, ratio, timeIt, timeNix } from "./nix-reference.js";

/** A package set of `n` entries, about 500 bytes each. */
export function generatePackageSet(n: number): string {
  const parts: string[] = [
    "{ lib, fetchurl, stdenv, callPackage }:",
    "let",
    "  inherit (lib) optional optionals;",
    "in",
    "rec {",
  ];
  for (let i = 0; i < n; i++) {
    parts.push(
      `  pkg${i} = stdenv.mkDerivation rec {`,
      `    pname = "pkg${i}"; version = "${i % 7}.${i % 13}.${i % 5}";`,
      `    src = fetchurl { url = "https://example.org/\${pname}-\${version}.tar.gz"; sha256 = "${"0".repeat(52)}"; };`,
      `    buildInputs = [ pkg${Math.max(0, i - 1)} ] ++ optional (${i} > 10) pkg${Math.max(0, i - 2)};`,
      `    meta = with lib; { description = ''Package ${i} with ''\${pname} \${version}''; license = licenses.mit; priority = ${i % 10}; };`,
      `    postInstall = if ${i % 2} == 0 then "echo \${toString ${i}}" else ./scripts/post${i % 4}.sh;`,
      "  };",
    );
  }
  parts.push("}", "");
  return parts.join("\n");
}

const ROUNDS = 4;

/** Wall time (ms) of `psl instantiate --parse file` as a process. */
function timePslProcess(file: string): number {
  const bin = fileURLToPath(new URL("../../bin/psl.js", import.meta.url));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, "instantiate", "--parse", file], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`psl instantiate --parse failed: ${String(r.stderr).slice(0, 300)}`);
  return ms;
}

export const nixParseBench: Bench = {
  name: "nix: parse a generated 10 MB file",
  id: "nix-parse",
  skip: () => (hasNixInstantiate() ? undefined : "nix-instantiate is not installed (Debian's nix-bin)"),
  async run() {
    const text = generatePackageSet(32_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "psl-bench-"));
    const file = path.join(dir, "packages.nix");
    fs.writeFileSync(file, text);
    try {
      return { name: this.name, lines: measure(text, file, dir) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** One parse's diagnostics and the heap its tree holds (the tree is released on return, before timing). */
function treeFigures(text: string, file: string, dir: string): { diagnostics: number; treeMb: number } {
  const held = retained(() => parseNix(text, { file, basePath: dir }));
  return { diagnostics: held.value.diagnostics.length, treeMb: held.bytes / 1e6 };
}

/** Prints a tree to /dev/null the way `psl instantiate --parse` writes it to its standard output. */
function printToDevNull(e: Expr): void {
  const fd = fs.openSync("/dev/null", "w");
  try {
    printExprChunks(e, (chunk) => fs.writeSync(fd, Buffer.from(chunk, "latin1")));
    fs.writeSync(fd, "\n");
  } finally {
    fs.closeSync(fd);
  }
}

/** The result lines for the generated `text`, written at `file` in `dir`. */
function measure(text: string, file: string, dir: string): string[] {
  const mb = Buffer.byteLength(text) / 1e6;
  const { diagnostics, treeMb } = treeFigures(text, file, dir);
  const ctx = new Evaluator({ host: nodeEvalHost(process.env) }).ctx;
  const parse = () => ctx.parse(readTextFile(file), file, dir);
  parse();
  const best = { psl: Infinity, pslPrint: Infinity, nix: Infinity, nixPrint: Infinity, start: Infinity };
  for (let i = 0; i < ROUNDS; i++) {
    best.start = Math.min(best.start, timeNix(["--eval", "-E", "1"]));
    best.psl = Math.min(best.psl, timeIt(parse));
    best.nix = Math.min(best.nix, timeNix(["--eval", file]));
    best.pslPrint = Math.min(
      best.pslPrint,
      timeIt(() => printToDevNull(parse())),
    );
    best.nixPrint = Math.min(best.nixPrint, timeNix(["--parse", file]));
  }
  const nixParse = best.nix - best.start;
  const nixParsePrint = best.nixPrint - best.start;
  const pslProcess = Math.min(timePslProcess(file), timePslProcess(file));
  return [
    `${mb.toFixed(1)} MB, ${diagnostics} diagnostics; best of ${ROUNDS} alternating runs`,
    `the tree holds ${treeMb.toFixed(1)} MB of heap (${(treeMb / mb).toFixed(1)} bytes per byte of source)`,
    `nix-instantiate start-up (--eval -E 1): ${best.start.toFixed(0)} ms, taken off its figures below`,
    `parse (read, parse, scopes): psl ${best.psl.toFixed(0)} ms (${(mb / (best.psl / 1000)).toFixed(1)} MB/s), nix --eval ${nixParse.toFixed(0)} ms → ${ratio(best.psl, nixParse)}`,
    `parse + print: psl ${best.pslPrint.toFixed(0)} ms, nix --parse ${nixParsePrint.toFixed(0)} ms → ${ratio(best.pslPrint, nixParsePrint)}`,
    `whole processes, start-ups included: psl instantiate --parse ${pslProcess.toFixed(0)} ms, nix-instantiate --parse ${best.nixPrint.toFixed(0)} ms → ${ratio(pslProcess, best.nixPrint)}`,
  ];
}
