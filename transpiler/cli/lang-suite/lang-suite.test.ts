/**
 * Conformance against the NixOS/nix language suite. Runs when `PSL_NIX_LANG_SUITE` points at a local copy
 * of `tests/functional/lang` (never committed here); shows as skipped otherwise. Each case is checked the
 * way the suite's `lang.sh` checks it (stdout and stderr for eval-okay and parse-okay; parse-fail and
 * eval-fail by their exit status only, as other implementations do), against `known-failures.txt`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CaseKind, listCases, runCase } from "./run-case.js";

const suite = process.env.PSL_NIX_LANG_SUITE;
const here = path.dirname(fileURLToPath(import.meta.url));

function knownFailures(): Set<string> {
  const text = fs.readFileSync(path.join(here, "known-failures.txt"), "utf8");
  return new Set(
    text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("#")),
  );
}

describe.runIf(suite)("NixOS/nix language suite (PSL_NIX_LANG_SUITE)", () => {
  const dir = suite as string;
  const known = knownFailures();
  const cases = fs.existsSync(dir) ? listCases(dir) : [];
  const results = new Map<CaseKind, { pass: number; total: number }>();

  it.each(cases)("$name", ({ name, kind }) => {
    const r = runCase(dir, name, kind);
    const k = results.get(kind) ?? { pass: 0, total: 0 };
    k.total++;
    if (r.pass) k.pass++;
    results.set(kind, k);
    if (known.has(name)) expect(r.pass, `${name} passes now: remove it from known-failures.txt`).toBe(false);
    else expect(r.pass, r.reason).toBe(true);
  });

  it("meets the conformance goals", () => {
    const figure = (k: CaseKind) => results.get(k) ?? { pass: 0, total: 0 };
    const summary = [...results].map(([k, v]) => `${k} ${v.pass}/${v.total}`).join(", ");
    process.stdout.write(`nix language suite: ${summary}\n`);
    expect(figure("eval-okay").pass).toBeGreaterThanOrEqual(140);
    expect(figure("parse-okay").pass).toBe(figure("parse-okay").total);
    const fails = [figure("eval-fail"), figure("parse-fail")];
    const pass = fails.reduce((n, f) => n + f.pass, 0);
    const total = fails.reduce((n, f) => n + f.total, 0);
    expect(pass / total).toBeGreaterThanOrEqual(0.95);
  });
});

describe.skipIf(suite)("NixOS/nix language suite", () => {
  it.skip("needs PSL_NIX_LANG_SUITE=<NixOS/nix checkout>/tests/functional/lang", () => {});
});
