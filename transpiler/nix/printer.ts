/**
 * The syntax printer: exactly what `nix-instantiate --parse` prints (current Nix). Every compound node is
 * parenthesised; bindings are re-ordered the way Nix shows them: plain `inherit`s first, then
 * `inherit (e)` groups in source order, then attributes sorted by name, then dynamic attributes; formals
 * are sorted by name. The walk uses an explicit work stack, so arbitrarily deep trees print without
 * touching the JavaScript stack. The output is a byte string (see `bytes.ts`).
 */
import type { AttrName, AttrsExpr, Expr } from "./ast.js";
import { textToBytes } from "./bytes.js";
import { formatNixFloat, printIdentifier, printLiteralString } from "./literals.js";

type Item = string | Expr;

/** Where a syntax error was (only printed for trees with errors), as UTF-8 bytes. */
const ERROR_MARK = textToBytes("«error»");

/** Prints an expression as `nix-instantiate --parse` does (without the trailing newline). */
export function printExpr(root: Expr): string {
  const out: string[] = [];
  const stack: Item[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    // Items are pushed in reverse, so `push(...parts.reverse())` keeps source order.
    const parts = showParts(item);
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as Item);
  }
  return out.join("");
}

function byName<T>(entries: Iterable<[string, T]>): [string, T][] {
  return [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function pathParts(path: readonly AttrName[]): Item[] {
  const parts: Item[] = [];
  path.forEach((n, i) => {
    if (i > 0) parts.push(".");
    if (typeof n === "string") parts.push(printIdentifier(n));
    else parts.push('"${', n, '}"');
  });
  return parts;
}

function bindingParts(attrs: AttrsExpr): Item[] {
  const parts: Item[] = [];
  const sorted = byName(attrs.attrs);
  const inherits = sorted.filter(([, d]) => d.kind === "inherited").map(([n]) => n);
  if (inherits.length > 0) parts.push(`inherit ${inherits.map(printIdentifier).join(" ")}; `);
  const groups = new Map<number, string[]>();
  for (const [name, d] of sorted) {
    if (d.kind !== "inheritedFrom" || d.value.kind !== "select" || d.value.expr.kind !== "inheritFrom")
      continue;
    const idx = attrs.inheritFrom.indexOf(d.value.expr.from);
    const list = groups.get(idx) ?? [];
    list.push(name);
    groups.set(idx, list);
  }
  for (const idx of [...groups.keys()].sort((a, b) => a - b)) {
    const from = attrs.inheritFrom[idx];
    if (!from) continue;
    parts.push("inherit (", from, `) ${(groups.get(idx) ?? []).map(printIdentifier).join(" ")}; `);
  }
  for (const [name, d] of sorted) {
    if (d.kind === "plain") parts.push(`${printIdentifier(name)} = `, d.value, "; ");
  }
  for (const d of attrs.dynamic) parts.push('"${', d.name, '}" = ', d.value, "; ");
  return parts;
}

function showParts(e: Expr): Item[] {
  switch (e.kind) {
    case "int":
      return [String(e.value)];
    case "float":
      return [formatNixFloat(e.value)];
    case "string":
      return [printLiteralString(e.value)];
    case "path":
      return [e.value];
    case "var":
      return [e.name];
    case "curPos":
      return ["__curPos"];
    case "select": {
      const parts: Item[] = ["(", e.expr, ")."];
      parts.push(...pathParts(e.path));
      if (e.def) parts.push(" or (", e.def, ")");
      return parts;
    }
    case "hasAttr":
      return ["((", e.expr, ") ? ", ...pathParts(e.path), ")"];
    case "attrs":
      return [e.rec ? "rec { " : "{ ", ...bindingParts(e), "}"];
    case "inheritFrom":
      return [e.from];
    case "list": {
      const parts: Item[] = ["[ "];
      for (const el of e.elems) parts.push("(", el, ") ");
      parts.push("]");
      return parts;
    }
    case "lambda": {
      const parts: Item[] = ["("];
      if (e.formals) {
        parts.push("{ ");
        const sorted = [...e.formals.entries].sort((a, b) =>
          a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
        );
        sorted.forEach((f, i) => {
          if (i > 0) parts.push(", ");
          parts.push(printIdentifier(f.name));
          if (f.def) parts.push(" ? ", f.def);
        });
        if (e.formals.ellipsis) parts.push(sorted.length > 0 ? ", ..." : "...");
        parts.push(" }");
        if (e.arg !== undefined) parts.push(" @ ");
      }
      if (e.arg !== undefined) parts.push(e.arg);
      parts.push(": ", e.body, ")");
      return parts;
    }
    case "call": {
      const parts: Item[] = ["(", e.fn];
      for (const a of e.args) parts.push(" ", a);
      parts.push(")");
      return parts;
    }
    case "let":
      return ["(let ", ...bindingParts(e.attrs), "in ", e.body, ")"];
    case "with":
      return ["(with ", e.attrs, "; ", e.body, ")"];
    case "if":
      return ["(if ", e.cond, " then ", e.thenExpr, " else ", e.elseExpr, ")"];
    case "assert":
      return ["assert ", e.cond, "; ", e.body];
    case "not":
      return ["(! ", e.expr, ")"];
    case "binary":
      return ["(", e.left, ` ${e.op} `, e.right, ")"];
    case "concat": {
      const parts: Item[] = ["("];
      e.parts.forEach((p, i) => {
        if (i > 0) parts.push(" + ");
        parts.push(p);
      });
      parts.push(")");
      return parts;
    }
    case "error":
      return [ERROR_MARK];
  }
}
