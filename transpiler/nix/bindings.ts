/**
 * Building attribute sets at parse time, with Nix's rules: `a.b.c = e;` creates the nested sets it needs;
 * a later `a.d = f;` (or `a = { d = f; };`) merges into the set `a` already names, recursively, when both
 * sides are set literals; anything else defined twice is an error "attribute 'a.b' already defined at …".
 * When sets merge, the `rec` flag of the first one wins (Nix's "regrettable" rec merge), and the
 * `inherit (e)` sources of the second are appended to the first's.
 */
import { copySpan, type Span } from "../diagnostics/span.js";
import type { AttrDef, AttrName, AttrsExpr, DynamicAttrDef, Expr } from "./ast.js";

/** Called for a duplicate: the dotted path shown in the message, where it is, and where it was first. */
export type DuplicateReporter = (path: string, span: Span, previous: Span) => void;

/** The `dynamic` and `inheritFrom` of every set that has none (most sets): one array for all of them. */
const NONE: readonly never[] = Object.freeze([]);

/** A fresh empty set (the implicit set of `a.b = …`, or `{ }`) in `file` from `start` to `end`. */
export function emptyAttrs(file: string, start: number, end: number, rec = false): AttrsExpr {
  return { kind: "attrs", rec, attrs: new Map(), dynamic: NONE, inheritFrom: NONE, file, start, end };
}

/**
 * Adds a dynamic attribute. An empty `dynamic` is the shared `NONE` and is replaced; a non-empty one is
 * this set's own array (made here) and grows in place.
 */
export function addDynamic(attrs: AttrsExpr, def: DynamicAttrDef): void {
  if (attrs.dynamic === NONE) attrs.dynamic = [def];
  else (attrs.dynamic as DynamicAttrDef[]).push(def);
}

/** Adds the source expression of an `inherit (e)` clause, as `addDynamic` does. */
export function addInheritFrom(attrs: AttrsExpr, src: Expr): void {
  if (attrs.inheritFrom === NONE) attrs.inheritFrom = [src];
  else (attrs.inheritFrom as Expr[]).push(src);
}

/** How an attribute path is shown in messages: `a.b."c d".${…}`. */
export function showAttrPath(path: readonly AttrName[]): string {
  return path.map((n) => (typeof n === "string" ? n : '"\u0024{…}"')).join(".");
}

/** Adds `path = value` to `attrs`, creating and merging nested sets as Nix does. */
export function addAttr(
  attrs: AttrsExpr,
  path: readonly AttrName[],
  span: Span,
  value: Expr,
  report: DuplicateReporter,
): void {
  let cur = attrs;
  for (let i = 0; i + 1 < path.length; i++) {
    const name = path[i] as AttrName;
    if (typeof name === "string") {
      const existing = cur.attrs.get(name);
      if (existing) {
        if (existing.value.kind !== "attrs") {
          report(showAttrPath(path.slice(0, i + 1)), span, existing);
          return;
        }
        cur = existing.value;
      } else {
        const nested = emptyAttrs(span.file, span.start, span.end);
        cur.attrs.set(name, plainDef(nested, span));
        cur = nested;
      }
    } else {
      const nested = emptyAttrs(span.file, span.start, span.end);
      addDynamic(cur, { name, value: nested, span });
      cur = nested;
    }
  }
  const last = path[path.length - 1] as AttrName;
  if (typeof last === "string") {
    // `path` is only read for messages; merges push and pop on it and leave it as it was.
    insertAttr(cur, path as AttrName[], last, plainDef(value, span), report);
  } else {
    addDynamic(cur, { name: last, value, span });
  }
}

/** Inserts one definition; `path` (ending in `name`) is only for messages. */
export function insertAttr(
  attrs: AttrsExpr,
  path: AttrName[],
  name: string,
  def: AttrDef,
  report: DuplicateReporter,
): void {
  const existing = attrs.attrs.get(name);
  if (!existing) {
    attrs.attrs.set(name, def);
    if (def.value.kind === "lambda" && def.value.name === undefined) def.value.name = name;
    return;
  }
  const into = existing.value;
  const from = def.value;
  if (into.kind === "attrs" && from.kind === "attrs") {
    for (const [k, d] of from.attrs) {
      path.push(k);
      insertAttr(into, path, k, d, report);
      path.pop();
    }
    from.attrs.clear();
    for (const d of from.dynamic) addDynamic(into, d);
    from.dynamic = NONE;
    for (const e of from.inheritFrom) addInheritFrom(into, e);
    from.inheritFrom = NONE;
    return;
  }
  report(showAttrPath(path), copySpan(def), existing);
}

/** A plain attribute definition named at `span`. */
export function plainDef(value: Expr, span: Span): AttrDef {
  return { kind: "plain", value, file: span.file, start: span.start, end: span.end, index: -1 };
}

/**
 * Adds `name = value` (a one-name path, the common binding) to `attrs`: no path array unless the name is
 * already defined and the definitions must merge or be reported.
 */
export function addNamedAttr(attrs: AttrsExpr, name: string, def: AttrDef, report: DuplicateReporter): void {
  if (attrs.attrs.has(name)) {
    insertAttr(attrs, [name], name, def, report);
    return;
  }
  attrs.attrs.set(name, def);
  if (def.value.kind === "lambda" && def.value.name === undefined) def.value.name = name;
}
