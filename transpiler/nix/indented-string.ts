/**
 * Indentation stripping of `''…''` strings, as Nix does it: the smallest number of leading spaces over the
 * lines that hold something other than spaces is removed from every line (tabs do not count); an
 * interpolation or an escape ends a line's leading whitespace; a final line of only spaces is dropped;
 * empty pieces vanish; one literal piece is a plain string, anything else a string concatenation.
 */
import { ConcatExpr, type Expr, StringExpr } from "./ast.js";
import { exact } from "./exact.js";

/** A piece of an indented string: literal bytes (with or without indentation meaning) or `${e}`. */
export type IndPart =
  | {
      readonly kind: "text";
      readonly bytes: string;
      readonly indent: boolean;
      /** The piece's position (see `source-table.ts`). */
      readonly pos: number;
    }
  | { readonly kind: "expr"; readonly expr: Expr };

/** The string or concatenation of a `''…''` literal at position `pos`. */
export function stripIndentation(parts: readonly IndPart[], pos: number): Expr {
  if (parts.length === 0) return new StringExpr(pos, "");

  let atStartOfLine = true;
  let minIndent = 1000000;
  let curIndent = 0;
  for (const part of parts) {
    if (part.kind === "expr" || !part.indent) {
      if (atStartOfLine) {
        atStartOfLine = false;
        if (curIndent < minIndent) minIndent = curIndent;
      }
      continue;
    }
    const s = part.bytes;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (atStartOfLine) {
        if (c === 32) curIndent++;
        else if (c === 10) curIndent = 0;
        else {
          atStartOfLine = false;
          if (curIndent < minIndent) minIndent = curIndent;
        }
      } else if (c === 10) {
        atStartOfLine = true;
        curIndent = 0;
      }
    }
  }

  const out: Expr[] = [];
  atStartOfLine = true;
  let curDropped = 0;
  let remaining = parts.length;
  for (const part of parts) {
    if (part.kind === "expr") {
      atStartOfLine = false;
      curDropped = 0;
      out.push(part.expr);
      remaining--;
      continue;
    }
    const t = part.bytes;
    // Kept text is copied in runs (slices), not byte by byte.
    let s2 = "";
    let run = 0;
    for (let j = 0; j < t.length; j++) {
      const c = t.charCodeAt(j);
      if (atStartOfLine) {
        if (c === 32) {
          if (curDropped++ < minIndent) {
            s2 += t.slice(run, j);
            run = j + 1;
          }
        } else {
          curDropped = 0;
          if (c !== 10) atStartOfLine = false;
        }
      } else if (c === 10) atStartOfLine = true;
    }
    s2 += t.slice(run);
    if (remaining === 1) {
      const p = s2.lastIndexOf("\n");
      if (p >= 0 && /^ *$/.test(s2.slice(p + 1))) s2 = s2.slice(0, p + 1);
    }
    remaining--;
    if (s2 !== "") out.push(new StringExpr(part.pos, s2));
  }

  if (out.length === 0) return new StringExpr(pos, "");
  const only = out[0];
  if (out.length === 1 && only?.kind === "string") return new StringExpr(pos, only.value);
  return new ConcatExpr(pos, exact(out), true);
}
