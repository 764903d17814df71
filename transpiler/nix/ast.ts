/**
 * The Nix syntax tree: a union on `kind`, every node with its source span. The shapes follow Nix's own
 * expression tree so the printer can reproduce `nix-instantiate --parse` and the evaluator can reproduce
 * Nix's semantics: operators that Nix desugars stay desugared (`a - b` is a call of `__sub`, `a < b` a call
 * of `__lessThan`, `a >= b` is `!(a < b)`), the operator is kept in `op` for readers; `a.b = 1; a.c = 2;`
 * is merged into one nested set at parse time; `inherit (e) x;` is a select from an `inheritFrom` node.
 *
 * Variable nodes carry slots (`level`, `index`, `fromWith`) that `resolveScopes` fills in; until then
 * they are -1. Attribute definitions keep the span of their name: that is the position
 * `unsafeGetAttrPos` reports and the provenance psl shows for a value.
 */
import type { Span } from "../diagnostics/span.js";

/** An attribute name in a path: a static name (a byte string), or an expression (`${e}`, `"a${b}"`). */
export type AttrName = string | Expr;

export interface IntExpr {
  readonly kind: "int";
  readonly value: number | bigint;
  readonly span: Span;
}

export interface FloatExpr {
  readonly kind: "float";
  readonly value: number;
  readonly span: Span;
}

export interface StringExpr {
  readonly kind: "string";
  /** The string's bytes. */
  readonly value: string;
  readonly span: Span;
}

export interface PathExpr {
  readonly kind: "path";
  /** The absolute, canonical path (relative literals are resolved against their file's directory). */
  readonly value: string;
  readonly span: Span;
}

export interface VarExpr {
  readonly kind: "var";
  readonly name: string;
  readonly span: Span;
  /** Filled by scope resolution: how many environments up, and the slot there (-1: from `with`). */
  level: number;
  index: number;
  fromWith: boolean;
}

/** `__curPos`. */
export interface CurPosExpr {
  readonly kind: "curPos";
  readonly span: Span;
}

export interface SelectExpr {
  readonly kind: "select";
  readonly expr: Expr;
  readonly path: readonly AttrName[];
  readonly def: Expr | undefined;
  readonly span: Span;
}

export interface HasAttrExpr {
  readonly kind: "hasAttr";
  readonly expr: Expr;
  readonly path: readonly AttrName[];
  readonly span: Span;
}

export type AttrDefKind = "plain" | "inherited" | "inheritedFrom";

export interface AttrDef {
  readonly kind: AttrDefKind;
  value: Expr;
  /** The span of the attribute's name where it is defined. */
  readonly span: Span;
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
  /** Static attributes in definition order (the printer sorts them). */
  readonly attrs: Map<string, AttrDef>;
  readonly dynamic: DynamicAttrDef[];
  /** The expressions of `inherit (e) …;`, in order; `inheritFrom` nodes refer to them. */
  readonly inheritFrom: Expr[];
  span: Span;
}

/** The source expression of an `inherit (e)` clause, as used inside the generated selects. */
export interface InheritFromExpr {
  readonly kind: "inheritFrom";
  readonly from: Expr;
  readonly span: Span;
  /** Filled by scope resolution: the slot of the evaluated source in the inherit-from environment. */
  index: number;
}

export interface ListExpr {
  readonly kind: "list";
  readonly elems: readonly Expr[];
  readonly span: Span;
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

export interface LambdaExpr {
  readonly kind: "lambda";
  /** `x: …` or the `@` name of a pattern. */
  readonly arg: string | undefined;
  readonly formals: Formals | undefined;
  readonly body: Expr;
  readonly span: Span;
  /** The attribute or binding the lambda was defined as (for traces), when known. */
  name: string | undefined;
}

export interface CallExpr {
  readonly kind: "call";
  readonly fn: Expr;
  readonly args: Expr[];
  readonly span: Span;
  /** The operator this call was desugared from (`-`, `*`, `/`, `<`, `>`, `<=`, `>=`, `|>`, `<|`). */
  readonly op?: string;
}

export interface LetExpr {
  readonly kind: "let";
  readonly attrs: AttrsExpr;
  readonly body: Expr;
  readonly span: Span;
}

export interface WithExpr {
  readonly kind: "with";
  readonly attrs: Expr;
  readonly body: Expr;
  readonly span: Span;
  /** Filled by scope resolution: levels from this `with` up to the next enclosing `with`, or -1. */
  prevWith: number;
}

export interface IfExpr {
  readonly kind: "if";
  readonly cond: Expr;
  readonly thenExpr: Expr;
  readonly elseExpr: Expr;
  readonly span: Span;
}

export interface AssertExpr {
  readonly kind: "assert";
  readonly cond: Expr;
  readonly body: Expr;
  readonly span: Span;
}

export interface NotExpr {
  readonly kind: "not";
  readonly expr: Expr;
  readonly span: Span;
}

export type BinaryOp = "==" | "!=" | "&&" | "||" | "->" | "//" | "++";

export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
  /** Where the operator is (Nix reports errors of an operation there). */
  readonly opStart: number;
}

/** `a + b` (forceString false), `"…${x}…"` and `''…''` with interpolation (forceString true), `./a/${b}`. */
export interface ConcatExpr {
  readonly kind: "concat";
  readonly parts: readonly Expr[];
  readonly forceString: boolean;
  readonly span: Span;
  readonly opStart: number;
}

/** Where a syntax error was; the tree around it is kept. Never evaluated. */
export interface ErrorExpr {
  readonly kind: "error";
  readonly span: Span;
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
