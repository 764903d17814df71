/**
 * The syntax printer: exactly what `nix-instantiate --parse` prints (current Nix). Every compound node is
 * parenthesised; bindings are re-ordered the way Nix shows them: plain `inherit`s first, then
 * `inherit (e)` groups in source order, then attributes sorted by name, then dynamic attributes; formals
 * are sorted by name. The walk uses an explicit work stack, so arbitrarily deep trees print without
 * touching the JavaScript stack. The output is a byte string (see `bytes.ts`).
 */
import type {
  AttrDef,
  AttrName,
  AttrsExpr,
  BinaryOp,
  DynamicAttrDef,
  Expr,
  Formal,
  LambdaExpr,
} from "./ast.js";
import { textToBytes } from "./bytes.js";
import { formatNixFloat, needsEscape, printIdentifier, printLiteralString } from "./literals.js";

type Item = string | Expr;

/** A binary operator between its operands. */
const BINARY_TEXT: Readonly<Record<BinaryOp, string>> = {
  "==": " == ",
  "!=": " != ",
  "&&": " && ",
  "||": " || ",
  "->": " -> ",
  "//": " // ",
  "++": " ++ ",
};

/** Where a syntax error was (only printed for trees with errors), as UTF-8 bytes. */
const ERROR_MARK = textToBytes("«error»");

/**
 * Prints an expression as `nix-instantiate --parse` does (without the trailing newline). A node's pieces
 * go onto the work stack in reverse (text and child nodes alike), so no node allocates a list of its
 * own; text pieces are appended to the output as they come off the stack.
 */
export function printExpr(root: Expr): string {
  const chunks: string[] = [];
  printExprChunks(root, (chunk) => chunks.push(chunk));
  return chunks.join("");
}

/**
 * Prints an expression as `printExpr` does, handing the output to `emit` in consecutive chunks of a few
 * thousand pieces (tens of kilobytes): a large tree is written out as it is printed, without the whole
 * text in memory at once. Pieces are joined a chunk at a time because one join over millions of small
 * strings is several times slower than joins of bounded lists.
 */
export function printExprChunks(root: Expr, emit: (chunk: string) => void): void {
  let out: string[] = [];
  const stack: Item[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if (typeof item === "string") out.push(item);
    else pushPieces(item, stack, out);
    if (out.length >= 4096) {
      emit(out.join(""));
      out = [];
    }
  }
  emit(out.join(""));
}

/** `stack.push` of several items, last first (so they come off in the order given). */
function later(stack: Item[], a: Item, b?: Item, c?: Item, d?: Item, e?: Item, f?: Item): void {
  if (f !== undefined) stack.push(f);
  if (e !== undefined) stack.push(e);
  if (d !== undefined) stack.push(d);
  if (c !== undefined) stack.push(c);
  if (b !== undefined) stack.push(b);
  stack.push(a);
}

/** Pushes the pieces of `e` (leaves are written to `out` at once). */
function pushPieces(e: Expr, stack: Item[], out: string[]): void {
  switch (e.kind) {
    case "var":
      out.push(e.name);
      return;
    case "string": {
      // Most strings need no escape: their bytes go out as they are, between quotes, with no new string.
      const v = e.value;
      if (needsEscape(v)) out.push(printLiteralString(v));
      else out.push('"', v, '"');
      return;
    }
    case "int":
      out.push(String(e.value));
      return;
    case "call": {
      stack.push(")");
      const args = e.args;
      for (let i = args.length - 1; i >= 0; i--) stack.push(args[i] as Expr, " ");
      stack.push(e.fn);
      out.push("(");
      return;
    }
    case "select":
      if (e.def) later(stack, " or (", e.def, ")");
      pushPath(e.path, stack);
      later(stack, e.expr, ").");
      out.push("(");
      return;
    case "attrs":
      stack.push("}");
      pushBindings(e, stack);
      out.push(e.rec ? "rec { " : "{ ");
      return;
    case "concat": {
      stack.push(")");
      const parts = e.parts;
      for (let i = parts.length - 1; i > 0; i--) stack.push(parts[i] as Expr, " + ");
      if (parts.length > 0) stack.push(parts[0] as Expr);
      out.push("(");
      return;
    }
    case "list": {
      stack.push("]");
      const elems = e.elems;
      for (let i = elems.length - 1; i >= 0; i--) stack.push(") ", elems[i] as Expr, "(");
      out.push("[ ");
      return;
    }
    case "float":
      out.push(formatNixFloat(e.value));
      return;
    case "path":
      out.push(e.value);
      return;
    case "curPos":
      out.push("__curPos");
      return;
    case "hasAttr":
      stack.push(")");
      pushPath(e.path, stack);
      later(stack, e.expr, ") ? ");
      out.push("((");
      return;
    case "inheritFrom":
      stack.push(e.from);
      return;
    case "lambda":
      pushLambda(e, stack, out);
      return;
    case "let":
      later(stack, "in ", e.body, ")");
      pushBindings(e.attrs, stack);
      out.push("(let ");
      return;
    case "with":
      later(stack, e.attrs, "; ", e.body, ")");
      out.push("(with ");
      return;
    case "if":
      later(stack, e.cond, " then ", e.thenExpr, " else ", e.elseExpr, ")");
      out.push("(if ");
      return;
    case "assert":
      later(stack, e.cond, "; ", e.body);
      out.push("assert ");
      return;
    case "not":
      later(stack, e.expr, ")");
      out.push("(! ");
      return;
    case "binary":
      later(stack, e.left, BINARY_TEXT[e.op], e.right, ")");
      out.push("(");
      return;
    case "error":
      out.push(ERROR_MARK);
      return;
  }
}

function pushLambda(e: LambdaExpr, stack: Item[], out: string[]): void {
  later(stack, ": ", e.body, ")");
  if (e.arg !== undefined) stack.push(e.arg);
  if (!e.formals) {
    out.push("(");
    return;
  }
  // Formals sorted by name; their defaults are nodes, so the whole header goes through the stack.
  const sorted = [...e.formals.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (e.arg !== undefined) stack.push(" @ ");
  stack.push(" }");
  if (e.formals.ellipsis) stack.push(sorted.length > 0 ? ", ..." : "...");
  for (let i = sorted.length - 1; i >= 0; i--) {
    const f = sorted[i] as Formal;
    if (f.def) stack.push(f.def, " ? ");
    stack.push(printIdentifier(f.name));
    if (i > 0) stack.push(", ");
  }
  out.push("({ ");
}

/** Pushes an attribute path `a.b."c".${e}`. */
function pushPath(path: readonly AttrName[], stack: Item[]): void {
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i] as AttrName;
    if (typeof n === "string") stack.push(printIdentifier(n));
    else stack.push('}"', n, '"${');
    if (i > 0) stack.push(".");
  }
}

/**
 * Pushes the bindings of a set or `let` in Nix's order: plain `inherit`s, then `inherit (e)` groups by
 * source, then the other attributes by name, then dynamic attributes in source order.
 */
/** Nix's order of names: by UTF-16 code units, as `Array.prototype.sort` compares strings (names are unique). */
function byName(a: AttrDef, b: AttrDef): number {
  return a.name < b.name ? -1 : 1;
}

function pushBindings(attrs: AttrsExpr, stack: Item[]): void {
  const dynamic = attrs.dynamic;
  for (let i = dynamic.length - 1; i >= 0; i--) {
    const d = dynamic[i] as DynamicAttrDef;
    stack.push("; ", d.value, '}" = ', d.name, '"${');
  }
  const defs = attrs.defs.length < 2 ? attrs.defs : [...attrs.defs].sort(byName);
  let inherits: string[] | undefined;
  let groups: Map<number, string[]> | undefined;
  for (let i = defs.length - 1; i >= 0; i--) {
    const d = defs[i] as AttrDef;
    const name = d.name;
    if (d.kind === "plain") stack.push("; ", d.value, " = ", printIdentifier(name));
    else if (d.kind === "inherited") {
      inherits ??= [];
      inherits.push(name);
    } else if (d.value.kind === "select" && d.value.expr.kind === "inheritFrom") {
      const idx = attrs.inheritFrom.indexOf(d.value.expr.from);
      groups ??= new Map();
      const list = groups.get(idx);
      if (list) list.push(name);
      else groups.set(idx, [name]);
    }
  }
  if (groups !== undefined) {
    const order = [...groups.keys()].sort((a, b) => b - a);
    for (const idx of order) {
      const from = attrs.inheritFrom[idx];
      if (!from) continue;
      const list = (groups.get(idx) as string[]).reverse();
      stack.push(`) ${list.map(printIdentifier).join(" ")}; `, from, "inherit (");
    }
  }
  if (inherits !== undefined) stack.push(`inherit ${inherits.reverse().map(printIdentifier).join(" ")}; `);
}
