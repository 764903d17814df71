/**
 * Static scope resolution, as Nix does it right after parsing: every variable is bound to the lexical
 * environment that defines it (`level` environments up, slot `index`), or, when no lexical binding exists
 * but a `with` encloses it, marked to be looked up in the innermost `with` at run time. Lexical bindings,
 * including the builtins of the base environment, win over `with`. A variable bound nowhere is an error
 * here, before evaluation ("undefined variable 'x'").
 *
 * The environment shapes fixed here are the evaluator's contract: a lambda's environment holds its `@`
 * argument (if any) then its formals in source order; a `rec` set's or `let`'s holds its static attributes
 * in definition order; `inherit (e)` sources live in an environment of their own just inside the
 * attributes' one; a `with` has a one-slot environment. The walk uses an explicit stack.
 */
import { type Diagnostic, diag } from "../diagnostics/diagnostic.js";
import type { AttrsExpr, Expr, VarExpr } from "./ast.js";
import { defIndex } from "./bindings.js";

/**
 * A compile-time environment: names to slots, or a `with` marker. A `rec` set's or `let`'s environment
 * looks names up in the set's own attribute table (`defs`; a name's slot is its place there)
 * instead of a map made for it.
 */
export interface StaticEnv {
  readonly vars: ReadonlyMap<string, number>;
  readonly defs: AttrsExpr | null;
  readonly isWith: boolean;
  readonly up: StaticEnv | null;
}

/** The static environment holding `names` at slots 0…n-1. */
export function staticEnv(names: Iterable<string>, up: StaticEnv | null, isWith = false): StaticEnv {
  const vars = new Map<string, number>();
  for (const n of names) if (!vars.has(n)) vars.set(n, vars.size);
  return { vars, defs: null, isWith, up };
}

const NO_VARS: ReadonlyMap<string, number> = new Map();

/** Resolves every variable under `root` against `env`; returns the "undefined variable" errors. */
export function resolveScopes(root: Expr, env: StaticEnv): Diagnostic[] {
  return new ScopeWalk().run(root, env);
}

/**
 * The walk: a work list of (expression, environment) pairs kept in two parallel arrays, so that neither
 * deep trees nor the number of nodes costs more than two slots per pending node.
 */
class ScopeWalk {
  private readonly exprs: Expr[] = [];
  private readonly envs: StaticEnv[] = [];
  private readonly errors: Diagnostic[] = [];

  run(root: Expr, env: StaticEnv): Diagnostic[] {
    const exprs = this.exprs;
    const envs = this.envs;
    exprs.push(root);
    envs.push(env);
    while (exprs.length > 0) {
      const e = exprs.pop() as Expr;
      const en = envs.pop() as StaticEnv;
      this.visitNode(e, en);
    }
    // The walk's order is not the text's; errors are reported in the text's order, as Nix finds them.
    return this.errors.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  }

  private visit(e: Expr | undefined, en: StaticEnv): void {
    if (e === undefined) return;
    // The commonest leaves have nothing to resolve.
    const k = e.kind;
    if (k === "string" || k === "int" || k === "path") return;
    this.exprs.push(e);
    this.envs.push(en);
  }

  private visitNode(e: Expr, en: StaticEnv): void {
    switch (e.kind) {
      case "var":
        this.bindVar(e, en);
        return;
      case "call": {
        this.visit(e.fn, en);
        const args = e.args;
        for (let i = 0; i < args.length; i++) this.visit(args[i], en);
        return;
      }
      case "select": {
        this.visit(e.expr, en);
        const path = e.path;
        for (let i = 0; i < path.length; i++) {
          const n = path[i];
          if (typeof n !== "string") this.visit(n, en);
        }
        this.visit(e.def, en);
        return;
      }
      case "attrs":
        this.visitAttrs(e, en, e.rec ? this.recEnv(e, en) : en);
        return;
      case "concat": {
        const parts = e.parts;
        for (let i = 0; i < parts.length; i++) this.visit(parts[i], en);
        return;
      }
      case "list": {
        const elems = e.elems;
        for (let i = 0; i < elems.length; i++) this.visit(elems[i], en);
        return;
      }
      case "lambda": {
        const vars = new Map<string, number>();
        if (e.arg !== undefined) vars.set(e.arg, 0);
        const entries = e.formals?.entries;
        if (entries !== undefined)
          for (const f of entries) if (!vars.has(f.name)) vars.set(f.name, vars.size);
        const inner: StaticEnv = { vars, defs: null, isWith: false, up: en };
        if (entries !== undefined) for (const f of entries) this.visit(f.def, inner);
        this.visit(e.body, inner);
        return;
      }
      case "let": {
        const inner = this.recEnv(e.attrs, en);
        this.visitAttrs(e.attrs, en, inner);
        this.visit(e.body, inner);
        return;
      }
      case "with": {
        let prev = -1;
        let level = 1;
        for (let cur: StaticEnv | null = en; cur; cur = cur.up, level++) {
          if (cur.isWith) {
            prev = level;
            break;
          }
        }
        e.prevWith = prev;
        this.visit(e.attrs, en);
        this.visit(e.body, { vars: NO_VARS, defs: null, isWith: true, up: en });
        return;
      }
      case "hasAttr": {
        this.visit(e.expr, en);
        const path = e.path;
        for (let i = 0; i < path.length; i++) {
          const n = path[i];
          if (typeof n !== "string") this.visit(n, en);
        }
        return;
      }
      case "if":
        this.visit(e.cond, en);
        this.visit(e.thenExpr, en);
        this.visit(e.elseExpr, en);
        return;
      case "binary":
        this.visit(e.left, en);
        this.visit(e.right, en);
        return;
      case "not":
        this.visit(e.expr, en);
        return;
      case "assert":
        this.visit(e.cond, en);
        this.visit(e.body, en);
        return;
      case "inheritFrom":
      case "int":
      case "float":
      case "string":
      case "path":
      case "curPos":
      case "error":
        return;
    }
  }

  /** The innermost lexical binding of a variable, else the innermost `with`, else an error. */
  private bindVar(e: VarExpr, en: StaticEnv): void {
    let level = 0;
    let withLevel = -1;
    const name = e.name;
    for (let cur: StaticEnv | null = en; cur !== null; cur = cur.up, level++) {
      if (cur.isWith) {
        if (withLevel < 0) withLevel = level;
        continue;
      }
      const slot = cur.defs === null ? (cur.vars.get(name) ?? -1) : defIndex(cur.defs, name);
      if (slot >= 0) {
        e.level = level;
        e.index = slot;
        return;
      }
    }
    if (withLevel >= 0) {
      // Index -1 at a level: looked up in that `with` at run time (`fromWith`).
      e.level = withLevel;
      e.index = -1;
    } else this.errors.push(diag("PSL1009", { name }, { span: e }));
  }

  /** `inner` is where plain values and dynamic attributes live (the new environment of a rec set or let). */
  private visitAttrs(a: AttrsExpr, outer: StaticEnv, inner: StaticEnv): void {
    const fromEnv: StaticEnv | undefined =
      a.inheritFrom.length > 0 ? { vars: NO_VARS, defs: null, isWith: false, up: inner } : undefined;
    for (const src of a.inheritFrom) this.visit(src, inner);
    for (const d of a.defs) {
      if (d.kind === "plain") this.visit(d.value, inner);
      else if (d.kind === "inherited") this.visit(d.value, outer);
      else {
        const sel = d.value;
        if (sel.kind === "select" && sel.expr.kind === "inheritFrom")
          sel.expr.index = a.inheritFrom.indexOf(sel.expr.from);
        this.visit(d.value, fromEnv ?? inner);
      }
    }
    for (const d of a.dynamic) {
      this.visit(d.name, inner);
      this.visit(d.value, inner);
    }
  }

  /** The environment of a `rec` set or `let`: its static attributes, numbered in definition order. */
  private recEnv(a: AttrsExpr, up: StaticEnv): StaticEnv {
    return { vars: NO_VARS, defs: a, isWith: false, up };
  }
}
