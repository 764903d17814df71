/**
 * Robustness: mutated corpus files and random bytes go through the whole pipeline (lex, parse, scope
 * resolution, evaluation with a 2 s limit, printing). Nothing may throw, nothing may take more than 2 s,
 * and every input that does not evaluate gets at least one diagnostic. A quick run by default; set
 * `PSL_NIGHTLY=1` for the long one (thousands of cases).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluator } from "../eval/evaluator.js";
import { memoryHost } from "../eval/host.js";
import { parseNix } from "./parser.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.join(here, "..", "cli", "fixtures", "differential");
const nightly = process.env.PSL_NIGHTLY === "1";
const RUNS = nightly ? 5000 : 150;

const corpus: Record<string, string> = {};
for (const f of fs.readdirSync(corpusDir)) {
  if (f.endsWith(".nix") || f.endsWith(".txt"))
    corpus[`/c/${f}`] = fs.readFileSync(path.join(corpusDir, f), "utf8");
}
const texts = Object.entries(corpus)
  .filter(([f]) => f.endsWith(".nix"))
  .map(([, t]) => t);

const TOKENS = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  "=",
  ".",
  "${",
  '"',
  "''",
  "rec",
  "let",
  "in",
  "with",
  "x:",
  "@",
  "...",
  "or",
  "?",
  "//",
  "++",
  "<nixpkgs>",
  "./a",
  "~/",
  "#",
  "/*",
  "\\",
  "\0",
  "é",
  "1e",
  "9223372036854775808",
];

/** Applies random edits (delete, duplicate, insert a token or random text) to a text. */
const mutated = fc
  .tuple(
    fc.constantFrom(...texts),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom(0, 1, 2, 3),
        fc.constantFrom(...TOKENS),
        fc.string({ maxLength: 6 }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [at, len, op, tok, junk] of edits) {
      const i = at % (t.length + 1);
      if (op === 0) t = t.slice(0, i) + t.slice(i + len);
      else if (op === 1) t = t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
      else if (op === 2) t = `${t.slice(0, i)} ${tok} ${t.slice(i)}`;
      else t = t.slice(0, i) + junk + t.slice(i);
    }
    return t;
  });

function check(text: string): void {
  const ev = new Evaluator({ host: memoryHost(corpus), timeLimitMs: 2000, maxCallDepth: 100_000 });
  const t0 = performance.now();
  const r = ev.evalExpr(text, { file: "/c/fuzz.nix", basePath: "/c" });
  let ok = r.value !== undefined;
  let diagnostics = r.diagnostics.length;
  if (r.value !== undefined) {
    const d = ev.deepForce(r.value);
    ok = d.value !== undefined;
    diagnostics += d.diagnostics.length;
    if (ok) ev.print(r.value);
  }
  const ms = performance.now() - t0;
  expect(ms, `took ${ms.toFixed(0)} ms: ${JSON.stringify(text.slice(0, 200))}`).toBeLessThan(2500);
  if (!ok) expect(diagnostics, `no diagnostic for ${JSON.stringify(text.slice(0, 200))}`).toBeGreaterThan(0);
}

describe(`fuzz (${nightly ? "nightly" : "quick; PSL_NIGHTLY=1 for the long run"})`, () => {
  it("survives mutated corpus files", () => {
    fc.assert(
      fc.property(mutated, (t) => check(t)),
      { numRuns: RUNS, seed: nightly ? Date.now() : 1 },
    );
  }, 600_000);

  it("survives random text and bytes", () => {
    const bytes = fc.uint8Array({ maxLength: 200 }).map((a) => new TextDecoder().decode(a));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), bytes, fc.string({ unit: "grapheme", maxLength: 80 })),
        (t) => check(t),
      ),
      {
        numRuns: RUNS,
        seed: nightly ? Date.now() + 1 : 2,
      },
    );
  }, 600_000);

  it("gives diagnostics, not RangeErrors, for 100,000-deep nesting of every bracket", () => {
    for (const [open, close] of [
      ["(", ")"],
      ["[", "]"],
      ["{ a = ", "; }"],
      ['"${', '}"'],
      ["x: ", ""],
      ["let a = 1; in ", ""],
    ]) {
      const text = `${(open as string).repeat(100_000)}1${(close as string).repeat(100_000)}`;
      const r = parseNix(text, { file: "deep.nix", basePath: "/" });
      const ev = new Evaluator({ host: memoryHost({}), timeLimitMs: 5000 });
      if (r.diagnostics.length === 0) {
        const v = ev.evalExpr(text, { basePath: "/" });
        expect(v.value !== undefined || v.diagnostics.length > 0).toBe(true);
      } else expect(r.diagnostics[0]?.message).toMatch(/nested too deeply|syntax error/);
    }
  }, 60_000);
});
