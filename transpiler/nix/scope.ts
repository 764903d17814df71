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
import type { AttrsExpr, Expr } from "./ast.js";

/** A compile-time environment: names to slots, or a `with` marker. */
export interface StaticEnv {
  readonly vars: ReadonlyMap<string, number>;
  readonly isWith: boolean;
  readonly up: StaticEnv | null;
}

/** The static environment holding `names` at slots 0…n-1. */
export function staticEnv(names: Iterable<string>, up: StaticEnv | null, isWith = false): StaticEnv {
  const vars = new Map<string, number>();
  for (const n of names) if (!vars.has(n)) vars.set(n, vars.size);
  return { vars, isWith, up };
}

const INHERIT_FROM_ENV: ReadonlyMap<string, number> = new Map();

/** Resolves every variable under `root` against `env`; returns the "undefined variable" errors. */
export function resolveScopes(root: Expr, env: StaticEnv): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const stack: [Expr, StaticEnv][] = [[root, env]];
  const visit = (e: Expr | undefined, en: StaticEnv) => {
    if (e) stack.push([e, en]);
  };
  const visitAttrs = (a: AttrsExpr, outer: StaticEnv, inner: StaticEnv) => {
    // `inner` is where plain values and dynamic attributes live (the new environment of a rec set or let).
    const fromEnv: StaticEnv = { vars: INHERIT_FROM_ENV, isWith: false, up: inner };
    for (const src of a.inheritFrom) visit(src, inner);
    for (const d of a.attrs.values()) {
      if (d.kind === "plain") visit(d.value, inner);
      else if (d.kind === "inherited") visit(d.value, outer);
      else {
        const sel = d.value;
        if (sel.kind === "select" && sel.expr.kind === "inheritFrom")
          sel.expr.index = a.inheritFrom.indexOf(sel.expr.from);
        visit(d.value, fromEnv);
      }
    }
    for (const d of a.dynamic) {
      visit(d.name, inner);
      visit(d.value, inner);
    }
  };
  const recEnv = (a: AttrsExpr, up: StaticEnv): StaticEnv => {
    let i = 0;
    for (const d of a.attrs.values()) d.index = i++;
    return staticEnv(a.attrs.keys(), up);
  };

  while (stack.length > 0) {
    const [e, en] = stack.pop() as [Expr, StaticEnv];
    switch (e.kind) {
      case "var": {
        let level = 0;
        let withLevel = -1;
        let found = false;
        for (let cur: StaticEnv | null = en; cur; cur = cur.up, level++) {
          if (cur.isWith) {
            if (withLevel < 0) withLevel = level;
            continue;
          }
          const slot = cur.vars.get(e.name);
          if (slot !== undefined) {
            e.level = level;
            e.index = slot;
            e.fromWith = false;
            found = true;
            break;
          }
        }
        if (!found) {
          if (withLevel >= 0) {
            e.level = withLevel;
            e.index = 0;
            e.fromWith = true;
          } else errors.push(diag("PSL1009", { name: e.name }, { span: e }));
        }
        break;
      }
      case "lambda": {
        const names: string[] = [];
        if (e.arg !== undefined) names.push(e.arg);
        for (const f of e.formals?.entries ?? []) names.push(f.name);
        const inner = staticEnv(names, en);
        for (const f of e.formals?.entries ?? []) visit(f.def, inner);
        visit(e.body, inner);
        break;
      }
      case "attrs":
        if (e.rec) visitAttrs(e, en, recEnv(e, en));
        else visitAttrs(e, en, en);
        break;
      case "let": {
        const inner = recEnv(e.attrs, en);
        visitAttrs(e.attrs, en, inner);
        visit(e.body, inner);
        break;
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
        visit(e.attrs, en);
        visit(e.body, { vars: INHERIT_FROM_ENV, isWith: true, up: en });
        break;
      }
      case "select":
        visit(e.expr, en);
        for (const n of e.path) if (typeof n !== "string") visit(n, en);
        visit(e.def, en);
        break;
      case "hasAttr":
        visit(e.expr, en);
        for (const n of e.path) if (typeof n !== "string") visit(n, en);
        break;
      case "list":
        for (const x of e.elems) visit(x, en);
        break;
      case "call":
        visit(e.fn, en);
        for (const x of e.args) visit(x, en);
        break;
      case "if":
        visit(e.cond, en);
        visit(e.thenExpr, en);
        visit(e.elseExpr, en);
        break;
      case "assert":
        visit(e.cond, en);
        visit(e.body, en);
        break;
      case "not":
        visit(e.expr, en);
        break;
      case "binary":
        visit(e.left, en);
        visit(e.right, en);
        break;
      case "concat":
        for (const x of e.parts) visit(x, en);
        break;
      case "inheritFrom":
      case "int":
      case "float":
      case "string":
      case "path":
      case "curPos":
      case "error":
        break;
    }
  }
  return errors;
}
