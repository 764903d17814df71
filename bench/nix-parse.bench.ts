/**
 * Parse throughput on a generated Nix file of more than 10 MB (a package-set-like mix: a large attribute
 * set of package definitions with strings, lists, lambdas, `with`, `let`, interpolation, paths). psl parses
 * (and resolves scopes) in this process; the reference is `nix-instantiate --parse` on the same file in
 * the same run (which also prints the tree). Also shown: psl parse + print, like for like.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseNix } from "../transpiler/nix/parser.js";
import { printExpr } from "../transpiler/nix/printer.js";
import type { Bench } from "./bench.js";
import { best, hasNixInstantiate, ratio, timeIt, timeNix } from "./nix-reference.js";

/** A package set of `n` entries, about 330 bytes each. */
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

export const nixParseBench: Bench = {
  name: "nix: parse a generated 10 MB file",
  skip: () => (hasNixInstantiate() ? undefined : "nix-instantiate is not installed (Debian's nix-bin)"),
  async run() {
    const text = generatePackageSet(32_000);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "psl-bench-")), "packages.nix");
    fs.writeFileSync(file, text);
    const mb = Buffer.byteLength(text) / 1e6;
    let diagnostics = 0;
    const parse = () => {
      const r = parseNix(text, { file, basePath: path.dirname(file) });
      diagnostics = r.diagnostics.length;
      return r.expr;
    };
    parse();
    const pslParse = best(3, () => timeIt(parse));
    const pslParsePrint = best(3, () => timeIt(() => printExpr(parse())));
    const nix = best(3, () => timeNix(["--parse", file]));
    return {
      name: this.name,
      lines: [
        `${mb.toFixed(1)} MB, ${diagnostics} diagnostics`,
        `psl parse: ${pslParse.toFixed(0)} ms (${(mb / (pslParse / 1000)).toFixed(1)} MB/s) → ${ratio(pslParse, nix)}`,
        `psl parse + print: ${pslParsePrint.toFixed(0)} ms → ${ratio(pslParsePrint, nix)}`,
        `nix-instantiate --parse (process, prints the tree): ${nix.toFixed(0)} ms`,
      ],
    };
  },
};
