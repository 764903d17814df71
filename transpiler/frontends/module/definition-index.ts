/**
 * Where a NixOS module defines each option: an index built from the module's syntax tree, so that a spec
 * field can point at the line of Nix that set it. The walk follows how modules are written — the module
 * function's body, `let`/`with`, a `config` attribute (or a module that is all config), `mkIf`, `mkMerge`,
 * the priority wrappers (`mkDefault`, `mkForce`, `mkOverride n`, `mkOptionDefault`), `optionalAttrs`, `//`,
 * `if`, and `mapAttrs`/`mapAttrs'`/`genAttrs`/`listToAttrs` for multi-instance modules (whose names become a
 * wildcard). A lookup takes the longest matching option path; among equal matches the definition with
 * the winning priority (lowest number), then the last one. Evaluating nothing, it cannot be fooled by
 * laziness; what it cannot see (computed attribute names, values built elsewhere) falls back to the
 * nearest enclosing definition.
 */
import { copySpan, type Span } from "../../diagnostics/index.js";
import type { AttrsExpr, Expr } from "../../nix/ast.js";
import { findDef } from "../../nix/bindings.js";

export const WILDCARD = "*";
const MAX_DEPTH = 400;

export interface Definition {
  /** Option path; `*` stands for a name computed at evaluation time. */
  readonly path: readonly string[];
  readonly span: Span;
  /** The module system's priority: 100 plain, 1000 mkDefault, 50 mkForce, 1500 mkOptionDefault. */
  readonly priority: number;
  readonly order: number;
}

const PRIORITY: Record<string, number> = {
  mkDefault: 1000,
  mkForce: 50,
  mkVMOverride: 10,
  mkOptionDefault: 1500,
  mkImageMediaOverride: 60,
};
const TRANSPARENT = new Set(["mkIf", "mkBefore", "mkAfter", "mkOrder", "optionalAttrs", "mkMerge"]);
const INSTANCES = new Set([
  "mapAttrs",
  "mapAttrs'",
  "genAttrs",
  "listToAttrs",
  "mapAttrsToList",
  "concatMapAttrs",
]);

/** The name a call's function is known by: `lib.mkIf` → `mkIf`, `mkIf` → `mkIf`. */
function calleeName(fn: Expr): string | undefined {
  if (fn.kind === "var") return fn.name;
  if (fn.kind === "select") {
    const last = fn.path[fn.path.length - 1];
    return typeof last === "string" ? last : undefined;
  }
  return undefined;
}

export class DefinitionIndex {
  private readonly defs: Definition[] = [];
  private order = 0;

  /** Adds the definitions a module file (or a settings expression) makes. */
  addModule(expr: Expr): void {
    this.walkModule(expr);
  }

  /** Adds one definition directly (for `--set path=value`). */
  addDefinition(path: readonly string[], span: Span, priority = 100): void {
    this.defs.push({ path, span, priority, order: this.order++ });
  }

  get size(): number {
    return this.defs.length;
  }

  /** The definition for the longest prefix of `path` that the module defines. */
  lookup(path: readonly string[]): Definition | undefined {
    let best: Definition | undefined;
    for (const d of this.defs) {
      if (d.path.length > path.length) continue;
      if (!d.path.every((seg, i) => seg === WILDCARD || seg === path[i])) continue;
      if (
        !best ||
        d.path.length > best.path.length ||
        (d.path.length === best.path.length &&
          (d.priority < best.priority || (d.priority === best.priority && d.order > best.order)))
      ) {
        best = d;
      }
    }
    return best;
  }

  private walkModule(expr: Expr): void {
    let e = expr;
    for (;;) {
      if (e.kind === "lambda") e = e.body;
      else if (e.kind === "let") e = e.body;
      else if (e.kind === "with") e = e.body;
      else break;
    }
    if (e.kind !== "attrs") {
      this.walk(e, [], 100);
      return;
    }
    const hasStructure =
      findDef(e, "config") !== undefined ||
      findDef(e, "options") !== undefined ||
      findDef(e, "imports") !== undefined;
    if (!hasStructure) {
      this.walkAttrs(e, [], 100);
      return;
    }
    const config = findDef(e, "config");
    if (config) this.walk(config.value, [], 100);
  }

  private walkAttrs(e: AttrsExpr, path: readonly string[], priority: number): void {
    for (const def of e.defs) {
      const name = def.name;
      if (
        path.length === 0 &&
        (name === "imports" || name === "options" || name === "_file" || name === "key")
      )
        continue;
      const p = [...path, name];
      this.addDefinition(p, copySpan(def), priority);
      this.walk(def.value, p, priority);
    }
    for (const d of e.dynamic) {
      const p = [...path, WILDCARD];
      this.addDefinition(p, d.span, priority);
      this.walk(d.value, p, priority);
    }
  }

  private walk(e: Expr, path: readonly string[], priority: number, depth = 0): void {
    // Modules nest a few dozen levels; a pathological chain only loses precision, never the stack.
    if (depth > MAX_DEPTH) return;
    const walk = (x: Expr, p: readonly string[], prio: number) => this.walk(x, p, prio, depth + 1);
    switch (e.kind) {
      case "attrs":
        this.walkAttrs(e, path, priority);
        return;
      case "let":
      case "with":
        walk(e.body, path, priority);
        return;
      case "if":
        walk(e.thenExpr, path, priority);
        walk(e.elseExpr, path, priority);
        return;
      case "binary":
        if (e.op === "//") {
          walk(e.left, path, priority);
          walk(e.right, path, priority);
        }
        return;
      case "list":
        for (const el of e.elems) walk(el, path, priority);
        return;
      case "lambda":
        walk(e.body, path, priority);
        return;
      case "call": {
        const name = calleeName(e.fn);
        if (name === undefined) return;
        const args = e.args;
        const last = args[args.length - 1];
        if (name in PRIORITY && last) walk(last, path, PRIORITY[name] as number);
        else if (name === "mkOverride" && last) {
          const n = args[0];
          const value = n?.kind === "int" ? Number(n.value) : 100;
          walk(last, path, value);
        } else if (TRANSPARENT.has(name))
          for (const a of args.slice(name === "mkMerge" ? 0 : 1)) walk(a, path, priority);
        else if (INSTANCES.has(name)) for (const a of args) walk(a, [...path, WILDCARD], priority);
        else if (name === "nameValuePair" && last) walk(last, path, priority);
        return;
      }
      default:
        return;
    }
  }
}
