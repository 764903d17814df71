import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { needsEscape, printIdentifier, printLiteralString } from "./literals.js";
import { parseNix } from "./parser.js";
import { printExpr, printExprChunks } from "./printer.js";
import { nixSources } from "./source-table.js";

/** The printer's identifier rule as a regular expression: the reference the fast check is held to. */
function referenceIdentifier(name: string): string {
  if (name === "") return '""';
  const reserved = ["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit"];
  if (reserved.includes(name)) return `"${name}"`;
  return /^[a-zA-Z_][a-zA-Z0-9_'-]*$/.test(name) ? name : printLiteralString(name);
}

const nameChars = fc.constantFrom(..."aZ_0'-. \"\\$\n{i".split(""));

describe("printer", () => {
  it("prints attribute names as the identifier rule says", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: nameChars, maxLength: 8 }), fc.string()), (name) => {
        expect(printIdentifier(name)).toBe(referenceIdentifier(name));
      }),
      { numRuns: 2000 },
    );
    for (const word of [
      "if",
      "inherit",
      "rec",
      "in",
      "letx",
      "or",
      "foo-bar",
      "x'",
      "_a1",
      "1a",
      "a.b",
      "a b",
    ])
      expect(printIdentifier(word)).toBe(referenceIdentifier(word));
  });

  it("says a string needs escaping exactly when escaping changes it", () => {
    fc.assert(
      fc.property(fc.string({ unit: nameChars, maxLength: 12 }), (s) => {
        expect(needsEscape(s)).toBe(printLiteralString(s) !== `"${s}"`);
      }),
    );
  });

  it("hands out the text in chunks that join to what printExpr prints", () => {
    const n = 5000;
    const text = `{ ${Array.from({ length: n }, (_, i) => `a${i} = "s${i}" + b.c${i % 7};`).join(" ")} }`;
    const { expr, diagnostics } = parseNix(text, { file: "big.nix", basePath: "/" });
    expect(diagnostics).toEqual([]);
    const chunks: string[] = [];
    printExprChunks(expr, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join("")).toBe(printExpr(expr));
    expect(chunks.join("")).toContain('a4999 = ("s4999" + (b).c1);');
  });
});

describe("node positions", () => {
  it("give each node its own file and offset, across texts parsed one after another", () => {
    const first = parseNix("let\n  x = 1;\nin x", { file: "/one.nix", basePath: "/" }).expr;
    const second = parseNix("{ a = b; }", { file: "/two.nix", basePath: "/" }).expr;
    if (first.kind !== "let" || second.kind !== "attrs") throw new Error("unexpected tree");
    const x = first.attrs.defs[0];
    const a = second.defs[0];
    expect(x && { file: x.file, start: x.start, end: x.end }).toEqual({ file: "/one.nix", start: 6, end: 6 });
    expect(a && { file: a.file, start: a.start }).toEqual({ file: "/two.nix", start: 2 });
    // Looked up again after the other file: the table does not answer from the last range it found.
    expect(first.body.file).toBe("/one.nix");
    expect(first.body.start).toBe(16);
    expect(nixSources.fileAt(first.body.pos)).toBe("/one.nix");
  });
});
