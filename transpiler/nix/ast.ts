/**
 * The Nix syntax tree: a union on `kind`, every node with its source span. The shapes follow Nix's own
 * expression tree so the printer can reproduce `nix-instantiate --parse` and the evaluator can reproduce
 * Nix's semantics: operators that Nix desugars stay desugared (`a - b` is a call of `__sub`, `a < b` a call
 * of `__lessThan`, `a >= b` is `!(a < b)`), the operator is kept in `op` for readers; `a.b = 1; a.c = 2;`
 * is merged into one nested set at parse time; `inherit (e) x;` is a select from an `inheritFrom` node.
 *
 * Every node is its own span: `file`, `start` and `end` are fields of the node (a separate span object per
 * node would double the objects a large file allocates), so a node can be passed wherever a `Span` is
 * expected; what outlives the tree (diagnostics, errors) keeps a copy (`copySpan`).
 *
 * Variable nodes carry slots (`level`, `index`, `fromWith`) that `resolveScopes` fills in; until then
 * they are -1. Attribute definitions keep the span of their name: that is the position
 * `unsafeGetAttrPos` reports and the provenance psl shows for a value.
 */
import type { Span } from "../diagnostics/span.js";

/** An attribute name in a path: a static name (a byte string), or an expression (`${e}`, `"a${b}"`). */
export type AttrName = string | Expr;

export interface IntExpr extends Span {
  readonly kind: "int";
  readonly value: number | bigint;
}

export interface FloatExpr extends Span {
  readonly kind: "float";
  readonly value: number;
}

export interface StringExpr extends Span {
  readonly kind: "string";
  /** The string's bytes. */
  readonly value: string;
}

export interface PathExpr extends Span {
  readonly kind: "path";
  /** The absolute, canonical path (relative literals are resolved against their file's directory). */
  readonly value: string;
}

export interface VarExpr extends Span {
  readonly kind: "var";
  readonly name: string;
  /** Filled by scope resolution: how many environments up, and the slot there (-1: from `with`). */
  level: number;
  index: number;
  fromWith: boolean;
}

/** `__curPos`. */
export interface CurPosExpr extends Span {
  readonly kind: "curPos";
}

export interface SelectExpr extends Span {
  readonly kind: "select";
  readonly expr: Expr;
  readonly path: readonly AttrName[];
  readonly def: Expr | undefined;
}

export interface HasAttrExpr extends Span {
  readonly kind: "hasAttr";
  readonly expr: Expr;
  readonly path: readonly AttrName[];
}

export type AttrDefKind = "plain" | "inherited" | "inheritedFrom";

/**
 * One static attribute. It is its own span, the place of its name where it is defined (`unsafeGetAttrPos`
 * and provenance report it): `file`, `start`, `end` are fields, as in expression nodes.
 */
export interface AttrDef extends Span {
  readonly kind: AttrDefKind;
  readonly name: string;
  value: Expr;
  /** Filled by scope resolution for `rec` sets and `let`: the slot in the new environment. */
  index: number;
}

export interface DynamicAttrDef {
  readonly name: Expr;
  readonly value: Expr;
  readonly span: Span;
}

export interface AttrsExpr {
  readonly kind: "attrs";
  rec: boolean;
  /**
   * Static attributes in definition order (the printer sorts them). An array, not a map: most sets have a
   * handful of attributes, and a map costs about 200 bytes more per set. Starts as the shared empty array
   * and is replaced by the set's own when the first attribute is added (see `bindings.ts`).
   */
  defs: readonly AttrDef[];
  /** Name to definition, kept only for sets with more than a few attributes (`findDef` scans the rest). */
  byName: Map<string, AttrDef> | undefined;
  /**
   * Dynamic attributes (`${e} = …;`). This and `inheritFrom` start as one shared empty array (most sets
   * have neither) and are replaced by a new array when the parser adds to them; never modified in place.
   */
  dynamic: readonly DynamicAttrDef[];
  /** The expressions of `inherit (e) …;`, in order; `inheritFrom` nodes refer to them. */
  inheritFrom: readonly Expr[];
  readonly file: string;
  /** Set once the closing brace is read (and widened to the `let … in body` of a `let`). */
  start: number;
  end: number;
}

/** The source expression of an `inherit (e)` clause, as used inside the generated selects. */
export interface InheritFromExpr extends Span {
  readonly kind: "inheritFrom";
  readonly from: Expr;
  /** Filled by scope resolution: the slot of the evaluated source in the inherit-from environment. */
  index: number;
}

export interface ListExpr extends Span {
  readonly kind: "list";
  readonly elems: readonly Expr[];
}

export interface Formal {
  readonly name: string;
  readonly def: Expr | undefined;
  readonly span: Span;
}

export interface Formals {
  readonly entries: readonly Formal[];
  readonly ellipsis: boolean;
}

export interface LambdaExpr extends Span {
  readonly kind: "lambda";
  /** `x: …` or the `@` name of a pattern. */
  readonly arg: string | undefined;
  readonly formals: Formals | undefined;
  readonly body: Expr;
  /** The attribute or binding the lambda was defined as (for traces), when known. */
  name: string | undefined;
}

export interface CallExpr extends Span {
  readonly kind: "call";
  readonly fn: Expr;
  /** Replaced by an exact-length copy once the parser has read every argument. */
  args: Expr[];
  /** Widened while the parser adds arguments (`f a b` is one call). */
  end: number;
  /** The operator this call was desugared from (`-`, `*`, `/`, `<`, `>`, `<=`, `>=`, `|>`, `<|`). */
  readonly op?: string;
}

export interface LetExpr extends Span {
  readonly kind: "let";
  readonly attrs: AttrsExpr;
  readonly body: Expr;
}

export interface WithExpr extends Span {
  readonly kind: "with";
  readonly attrs: Expr;
  readonly body: Expr;
  /** Filled by scope resolution: levels from this `with` up to the next enclosing `with`, or -1. */
  prevWith: number;
}

export interface IfExpr extends Span {
  readonly kind: "if";
  readonly cond: Expr;
  readonly thenExpr: Expr;
  readonly elseExpr: Expr;
}

export interface AssertExpr extends Span {
  readonly kind: "assert";
  readonly cond: Expr;
  readonly body: Expr;
}

export interface NotExpr extends Span {
  readonly kind: "not";
  readonly expr: Expr;
}

export type BinaryOp = "==" | "!=" | "&&" | "||" | "->" | "//" | "++";

export interface BinaryExpr extends Span {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  /** Where the operator is (Nix reports errors of an operation there). */
  readonly opStart: number;
}

/** `a + b` (forceString false), `"…${x}…"` and `''…''` with interpolation (forceString true), `./a/${b}`. */
export interface ConcatExpr extends Span {
  readonly kind: "concat";
  readonly parts: readonly Expr[];
  readonly forceString: boolean;
  readonly opStart: number;
}

/** Where a syntax error was; the tree around it is kept. Never evaluated. */
export interface ErrorExpr extends Span {
  readonly kind: "error";
}

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
