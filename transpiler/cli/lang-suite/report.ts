/**
 * `node dist/transpiler/cli/lang-suite/report.js <lang-dir> [-v]`: runs the whole NixOS/nix language
 * suite and prints the figures per kind (and, with `-v`, every failing case with its reason).
 */
import { listCases, runCase } from "./run-case.js";

const dir = process.argv[2] ?? process.env.PSL_NIX_LANG_SUITE;
if (!dir) {
  process.stderr.write("usage: report.js <tests/functional/lang directory> [-v]\n");
  process.exit(2);
}
const verbose = process.argv.includes("-v");
const counts = new Map<string, { pass: number; total: number }>();
for (const c of listCases(dir)) {
  const r = runCase(dir, c.name, c.kind);
  const k = counts.get(c.kind) ?? { pass: 0, total: 0 };
  k.total++;
  if (r.pass) k.pass++;
  else if (verbose) process.stdout.write(`FAIL ${c.name}: ${r.reason}\n`);
  counts.set(c.kind, k);
}
for (const [kind, { pass, total }] of counts) process.stdout.write(`${kind}: ${pass}/${total}\n`);
