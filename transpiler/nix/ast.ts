/**
 * The Nix syntax tree: a union on `kind`, one class per kind. The shapes follow Nix's own expression tree
 * so the printer can reproduce `nix-instantiate --parse` and the evaluator can reproduce Nix's semantics:
 * operators that Nix desugars stay desugared (`a - b` is a call of `__sub`, `a < b` a call of
 * `__lessThan`, `a >= b` is `!(a < b)`); `a.b = 1; a.c = 2;` is merged into one nested set at parse time;
 * `inherit (e) x;` is a select from an `inheritFrom` node.
 *
 * The tree is built to be small, because a large file makes millions of nodes and the garbage collector
 * copies each of them: a node holds its fields and one number, `pos`, its place as Nix keeps it (a point,
 * not a range; see `source-table.ts`). Its kind is on its class's prototype, not in each node. A node is
 * still a `Span` wherever one is expected: `file`, `start` and `end` are getters that look its position up
 * (`end` is `start`: a node is a point); what outlives the tree (diagnostics, errors) keeps a copy
 * (`copySpan`).
 *
 * Variable nodes carry slots (`level`, `index`) that `resolveScopes` fills in; until then they are -1.
 * Attribute definitions are placed at their name: that is the position `unsafeGetAttrPos` reports and the
 * provenance psl shows for a value.
 */
import type { Span } from "../diagnostics/span.js";
import { nixSources } from "./source-table.js";

/** An attribute name in a path: a static name (a byte string), or an expression (`${e}`, `"a${b}"`). */
export type AttrName = string | Expr;

/** What every node and attribute definition has: its position, and the `Span` view of it. */
abstract class Node implements Span {
  /** The node's place (see `source-table.ts`). Only a set's is moved, to the `let` it turns out to be. */
  declare pos: number;

  constructor(pos: number) {
    this.pos = pos;
  }

  get file(): string {
    return nixSources.fileAt(this.pos);
  }

  get start(): number {
    return nixSources.offsetAt(this.pos);
  }

  /** A node is a point: its end is its start. */
  get end(): number {
    return this.start;
  }
}

/** Puts `kind` on a node class's prototype: one property for all its nodes, read like a field. */
function kindOf(node: abstract new (...args: never[]) => object, kind: string): void {
  Object.defineProperty(node.prototype, "kind", { value: kind, enumerable: true });
}

/** The shared empty array of `defs`, `dynamic` and `inheritFrom` (most sets have no dynamic attributes). */
export const NONE: readonly never[] = Object.freeze([]);

export class IntExpr extends Node {
  declare readonly kind: "int";
  declare readonly value: number | bigint;
  constructor(pos: number, value: number | bigint) {
    super(pos);
    this.value = value;
  }
}
kindOf(IntExpr, "int");

export class FloatExpr extends Node {
  declare readonly kind: "float";
  declare readonly value: number;
  constructor(pos: number, value: number) {
    super(pos);
    this.value = value;
  }
}
kindOf(FloatExpr, "float");

export class StringExpr extends Node {
  declare readonly kind: "string";
  /** The string's bytes. */
  declare readonly value: string;
  constructor(pos: number, value: string) {
    super(pos);
    this.value = value;
  }
}
kindOf(StringExpr, "string");

export class PathExpr extends Node {
  declare readonly kind: "path";
  /** The absolute, canonical path (relative literals are resolved against their file's directory). */
  declare readonly value: string;
  constructor(pos: number, value: string) {
    super(pos);
    this.value = value;
  }
}
kindOf(PathExpr, "path");

export class VarExpr extends Node {
  declare readonly kind: "var";
  /** Filled by scope resolution: how many environments up, and the slot there (-1: from `with`). */
  declare level: number;
  declare index: number;
  declare readonly name: string;
  constructor(pos: number, name: string) {
    super(pos);
    this.name = name;
    this.level = -1;
    this.index = -1;
  }

  /** Resolved to the innermost `with` (`level` environments up) rather than a lexical binding. */
  get fromWith(): boolean {
    return this.index < 0 && this.level >= 0;
  }
}
kindOf(VarExpr, "var");

/** `__curPos`. */
export class CurPosExpr extends Node {
  declare readonly kind: "curPos";
}
kindOf(CurPosExpr, "curPos");

export class SelectExpr extends Node {
  declare readonly kind: "select";
  declare readonly expr: Expr;
  declare readonly path: readonly AttrName[];
  declare readonly def: Expr | undefined;
  constructor(pos: number, expr: Expr, path: readonly AttrName[], def: Expr | undefined) {
    super(pos);
    this.expr = expr;
    this.path = path;
    this.def = def;
  }
}
kindOf(SelectExpr, "select");

export class HasAttrExpr extends Node {
  declare readonly kind: "hasAttr";
  declare readonly expr: Expr;
  declare readonly path: readonly AttrName[];
  constructor(pos: number, expr: Expr, path: readonly AttrName[]) {
    super(pos);
    this.expr = expr;
    this.path = path;
  }
}
kindOf(HasAttrExpr, "hasAttr");

export type AttrDefKind = "plain" | "inherited" | "inheritedFrom";

/**
 * One static attribute, placed at its name where it is defined (`unsafeGetAttrPos` and provenance report
 * it). Its slot in a `rec` set's or `let`'s environment is its place in the set's `defs`. Made by
 * `attrDef`: each kind is a class of its own, so that the kind is on the prototype.
 */
export abstract class AttrDef extends Node {
  declare readonly kind: AttrDefKind;
  declare readonly name: string;
  declare value: Expr;
  constructor(pos: number, name: string, value: Expr) {
    super(pos);
    this.name = name;
    this.value = value;
  }
}

class PlainDef extends AttrDef {}
kindOf(PlainDef, "plain");
class InheritedDef extends AttrDef {}
kindOf(InheritedDef, "inherited");
class InheritedFromDef extends AttrDef {}
kindOf(InheritedFromDef, "inheritedFrom");

/** A definition of `name` of the given kind at position `pos`. */
export function attrDef(pos: number, kind: AttrDefKind, name: string, value: Expr): AttrDef {
  if (kind === "plain") return new PlainDef(pos, name, value);
  return kind === "inherited" ? new InheritedDef(pos, name, value) : new InheritedFromDef(pos, name, value);
}

export interface DynamicAttrDef {
  readonly name: Expr;
  readonly value: Expr;
  readonly span: Span;
}

export class AttrsExpr extends Node {
  declare readonly kind: "attrs";
  /**
   * Static attributes in definition order (the printer sorts them). An array, not a map: most sets have a
   * handful of attributes, and a map costs about 200 bytes more per set. Starts as the shared empty array
   * and is replaced by the set's own when the first attribute is added (see `bindings.ts`).
   */
  declare defs: readonly AttrDef[];
  /** Name to place in `defs`, kept only for sets with more than a few attributes (`defIndex` scans the rest). */
  declare byName: Map<string, number> | undefined;
  /**
   * Dynamic attributes (`${e} = …;`). This and `inheritFrom` start as the shared empty array and are
   * replaced by a new array when the parser adds to them.
   */
  declare dynamic: readonly DynamicAttrDef[];
  /** The expressions of `inherit (e) …;`, in order; `inheritFrom` nodes refer to them. */
  declare inheritFrom: readonly Expr[];
  declare rec: boolean;
  constructor(pos: number, rec: boolean) {
    super(pos);
    this.rec = rec;
    this.defs = NONE;
    this.byName = undefined;
    this.dynamic = NONE;
    this.inheritFrom = NONE;
  }
}
kindOf(AttrsExpr, "attrs");

/** The source expression of an `inherit (e)` clause, as used inside the generated selects. */
export class InheritFromExpr extends Node {
  declare readonly kind: "inheritFrom";
  /** Filled by scope resolution: the slot of the evaluated source in the inherit-from environment. */
  declare index: number;
  declare readonly from: Expr;
  constructor(pos: number, from: Expr) {
    super(pos);
    this.from = from;
    this.index = -1;
  }
}
kindOf(InheritFromExpr, "inheritFrom");

export class ListExpr extends Node {
  declare readonly kind: "list";
  declare readonly elems: readonly Expr[];
  constructor(pos: number, elems: readonly Expr[]) {
    super(pos);
    this.elems = elems;
  }
}
kindOf(ListExpr, "list");

export interface Formal {
  readonly name: string;
  readonly def: Expr | undefined;
  readonly span: Span;
}

export interface Formals {
  readonly entries: readonly Formal[];
  readonly ellipsis: boolean;
}

export class LambdaExpr extends Node {
  declare readonly kind: "lambda";
  /** The attribute or binding the lambda was defined as (for traces), when known. */
  declare name: string | undefined;
  /** `x: …` or the `@` name of a pattern. */
  declare readonly arg: string | undefined;
  declare readonly formals: Formals | undefined;
  declare readonly body: Expr;
  constructor(pos: number, arg: string | undefined, formals: Formals | undefined, body: Expr) {
    super(pos);
    this.arg = arg;
    this.formals = formals;
    this.body = body;
    this.name = undefined;
  }
}
kindOf(LambdaExpr, "lambda");

/** `f a b` (one call however many arguments), and the operators Nix desugars to calls (`a - b`). */
export class CallExpr extends Node {
  declare readonly kind: "call";
  declare readonly fn: Expr;
  /** Replaced by an exact-length copy once the parser has read every argument. */
  declare args: Expr[];
  constructor(pos: number, fn: Expr, args: Expr[]) {
    super(pos);
    this.fn = fn;
    this.args = args;
  }
}
kindOf(CallExpr, "call");

export class LetExpr extends Node {
  declare readonly kind: "let";
  declare readonly attrs: AttrsExpr;
  declare readonly body: Expr;
  constructor(pos: number, attrs: AttrsExpr, body: Expr) {
    super(pos);
    this.attrs = attrs;
    this.body = body;
  }
}
kindOf(LetExpr, "let");

export class WithExpr extends Node {
  declare readonly kind: "with";
  /** Filled by scope resolution: levels from this `with` up to the next enclosing `with`, or -1. */
  declare prevWith: number;
  declare readonly attrs: Expr;
  declare readonly body: Expr;
  constructor(pos: number, attrs: Expr, body: Expr) {
    super(pos);
    this.attrs = attrs;
    this.body = body;
    this.prevWith = -1;
  }
}
kindOf(WithExpr, "with");

export class IfExpr extends Node {
  declare readonly kind: "if";
  declare readonly cond: Expr;
  declare readonly thenExpr: Expr;
  declare readonly elseExpr: Expr;
  constructor(pos: number, cond: Expr, thenExpr: Expr, elseExpr: Expr) {
    super(pos);
    this.cond = cond;
    this.thenExpr = thenExpr;
    this.elseExpr = elseExpr;
  }
}
kindOf(IfExpr, "if");

export class AssertExpr extends Node {
  declare readonly kind: "assert";
  declare readonly cond: Expr;
  declare readonly body: Expr;
  constructor(pos: number, cond: Expr, body: Expr) {
    super(pos);
    this.cond = cond;
    this.body = body;
  }
}
kindOf(AssertExpr, "assert");

export class NotExpr extends Node {
  declare readonly kind: "not";
  declare readonly expr: Expr;
  constructor(pos: number, expr: Expr) {
    super(pos);
    this.expr = expr;
  }
}
kindOf(NotExpr, "not");

export type BinaryOp = "==" | "!=" | "&&" | "||" | "->" | "//" | "++";

/** An operator Nix keeps as a node; placed at its left operand. */
export class BinaryExpr extends Node {
  declare readonly kind: "binary";
  declare readonly op: BinaryOp;
  declare readonly left: Expr;
  declare readonly right: Expr;
  constructor(pos: number, op: BinaryOp, left: Expr, right: Expr) {
    super(pos);
    this.op = op;
    this.left = left;
    this.right = right;
  }
}
kindOf(BinaryExpr, "binary");

/** `a + b` (forceString false), `"…${x}…"` and `''…''` with interpolation (forceString true), `./a/${b}`. */
export class ConcatExpr extends Node {
  declare readonly kind: "concat";
  declare readonly parts: readonly Expr[];
  declare readonly forceString: boolean;
  constructor(pos: number, parts: readonly Expr[], forceString: boolean) {
    super(pos);
    this.parts = parts;
    this.forceString = forceString;
  }
}
kindOf(ConcatExpr, "concat");

/** Where a syntax error was; the tree around it is kept. Never evaluated. */
export class ErrorExpr extends Node {
  declare readonly kind: "error";
}
kindOf(ErrorExpr, "error");

export type Expr =
  | IntExpr
  | FloatExpr
  | StringExpr
  | PathExpr
  | VarExpr
  | CurPosExpr
  | SelectExpr
  | HasAttrExpr
  | AttrsExpr
  | InheritFromExpr
  | ListExpr
  | LambdaExpr
  | CallExpr
  | LetExpr
  | WithExpr
  | IfExpr
  | AssertExpr
  | NotExpr
  | BinaryExpr
  | ConcatExpr
  | ErrorExpr;

export type ExprKind = Expr["kind"];
