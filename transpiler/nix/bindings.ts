/**
 * Building attribute sets at parse time, with Nix's rules: `a.b.c = e;` creates the nested sets it needs;
 * a later `a.d = f;` (or `a = { d = f; };`) merges into the set `a` already names, recursively, when both
 * sides are set literals; anything else defined twice is an error "attribute 'a.b' already defined at …".
 * When sets merge, the `rec` flag of the first one wins (Nix's "regrettable" rec merge), and the
 * `inherit (e)` sources of the second are appended to the first's.
 */
import { copySpan, type Span } from "../diagnostics/span.js";
import {
  type AttrDef,
  type AttrName,
  AttrsExpr,
  attrDef,
  type DynamicAttrDef,
  type Expr,
  NONE,
} from "./ast.js";

/** Called for a duplicate: the dotted path shown in the message, where it is, and where it was first. */
export type DuplicateReporter = (path: string, span: Span, previous: Span) => void;

/** Sets with more static attributes than this get a name index (`byName`); smaller ones are scanned. */
const INDEX_MIN = 8;

/** The place in `attrs.defs` of its static attribute `name` (its slot in a `rec` environment), or -1. */
export function defIndex(attrs: AttrsExpr, name: string): number {
  if (attrs.byName !== undefined) return attrs.byName.get(name) ?? -1;
  const defs = attrs.defs;
  for (let i = 0; i < defs.length; i++) if ((defs[i] as AttrDef).name === name) return i;
  return -1;
}

/** The static attribute `name` of a set expression, if it defines one. */
export function findDef(attrs: AttrsExpr, name: string): AttrDef | undefined {
  const i = defIndex(attrs, name);
  return i < 0 ? undefined : attrs.defs[i];
}

/** Appends a definition whose name the set does not define yet (the caller has checked). */
export function pushDef(attrs: AttrsExpr, def: AttrDef): void {
  if (attrs.defs === NONE) attrs.defs = [def];
  else (attrs.defs as AttrDef[]).push(def);
  const defs = attrs.defs;
  if (attrs.byName !== undefined) attrs.byName.set(def.name, defs.length - 1);
  else if (defs.length > INDEX_MIN) attrs.byName = new Map(defs.map((d, i) => [d.name, i]));
  if (def.value.kind === "lambda" && def.value.name === undefined) def.value.name = def.name;
}

/**
 * Called when the parser has read a set's last binding: the definitions are copied to an array of their
 * exact length (an array grown by `push` keeps room for about 16 more).
 */
export function finishDefs(attrs: AttrsExpr): void {
  if (attrs.defs.length > 1) attrs.defs = attrs.defs.slice();
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

/**
 * Adds `path = value` to `attrs`, creating and merging nested sets as Nix does; the path is at `span`
 * (for messages), position `pos`.
 */
export function addAttr(
  attrs: AttrsExpr,
  path: readonly AttrName[],
  span: Span,
  pos: number,
  value: Expr,
  report: DuplicateReporter,
): void {
  let cur = attrs;
  for (let i = 0; i + 1 < path.length; i++) {
    const name = path[i] as AttrName;
    if (typeof name === "string") {
      const existing = findDef(cur, name);
      if (existing) {
        if (existing.value.kind !== "attrs") {
          report(showAttrPath(path.slice(0, i + 1)), span, existing);
          return;
        }
        cur = existing.value;
      } else {
        const nested = new AttrsExpr(pos, false);
        pushDef(cur, attrDef(pos, "plain", name, nested));
        cur = nested;
      }
    } else {
      const nested = new AttrsExpr(pos, false);
      addDynamic(cur, { name, value: nested, span });
      cur = nested;
    }
  }
  const last = path[path.length - 1] as AttrName;
  if (typeof last === "string") {
    // `path` is only read for messages; merges push and pop on it and leave it as it was.
    insertAttr(cur, path as AttrName[], attrDef(pos, "plain", last, value), report);
  } else {
    addDynamic(cur, { name: last, value, span });
  }
}

/** Inserts one definition; `path` (ending in its name) is only for messages. */
export function insertAttr(
  attrs: AttrsExpr,
  path: AttrName[],
  def: AttrDef,
  report: DuplicateReporter,
): void {
  const existing = findDef(attrs, def.name);
  if (!existing) {
    pushDef(attrs, def);
    return;
  }
  const into = existing.value;
  const from = def.value;
  if (into.kind === "attrs" && from.kind === "attrs") {
    for (const d of from.defs) {
      path.push(d.name);
      insertAttr(into, path, d, report);
      path.pop();
    }
    from.defs = NONE;
    from.byName = undefined;
    for (const d of from.dynamic) addDynamic(into, d);
    from.dynamic = NONE;
    for (const e of from.inheritFrom) addInheritFrom(into, e);
    from.inheritFrom = NONE;
    return;
  }
  report(showAttrPath(path), copySpan(def), existing);
}

/**
 * Adds `name = value` (a one-name path, the common binding) to `attrs`: no path array unless the name is
 * already defined and the definitions must merge or be reported.
 */
export function addNamedAttr(attrs: AttrsExpr, def: AttrDef, report: DuplicateReporter): void {
  if (findDef(attrs, def.name) !== undefined) insertAttr(attrs, [def.name], def, report);
  else pushDef(attrs, def);
}
