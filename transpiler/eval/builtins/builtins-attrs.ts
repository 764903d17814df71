/**
 * Attribute-set builtins. Results keep each attribute's definition position where Nix does (`mapAttrs`,
 * `intersectAttrs`, `removeAttrs`, `listToAttrs` takes the position of the element's `value`), so
 * `unsafeGetAttrPos` and psl's provenance survive the usual library plumbing.
 */
import { bytesToText, textToBytes } from "../../nix/bytes.js";
import { stringNoContext } from "../coerce.js";
import { NixError, typeError } from "../errors.js";
import {
  type Attr,
  call,
  type Effect,
  EMPTY_ATTRS,
  forceRequest,
  NixAttrs,
  NixLambda,
  NixPrimOp,
  NixPrimOpApp,
  peek,
  type Slot,
  Thunk,
  type Value,
} from "../value.js";
import { ALL, asAttrs, asList, type BuiltinDef, def } from "./define.js";

function attrs(m: Map<string, Attr>): NixAttrs {
  return m.size === 0 ? EMPTY_ATTRS : new NixAttrs(m);
}

function* listToAttrs(list: Slot[]): Effect<Value> {
  const m = new Map<string, Attr>();
  for (const x of list) {
    const el = peek(x) ?? ((yield forceRequest(x)) as Value);
    if (!(el instanceof NixAttrs)) throw typeError("a set", el);
    const n = el.get("name");
    if (n === undefined) throw new NixError("PSL2006", { name: "name" }, undefined);
    const name = stringNoContext(peek(n) ?? ((yield forceRequest(n)) as Value));
    if (m.has(name)) continue;
    const v = el.getAttr("value");
    if (v === undefined) throw new NixError("PSL2006", { name: "value" }, undefined);
    m.set(name, { value: v.value, pos: v.pos });
  }
  return attrs(m);
}

function* zipAttrsWith(f: Slot, list: Slot[]): Effect<Value> {
  const groups = new Map<string, Slot[]>();
  for (const x of list) {
    const el = peek(x) ?? ((yield forceRequest(x)) as Value);
    if (!(el instanceof NixAttrs)) throw typeError("a set", el);
    for (const k of el.keys()) {
      const g = groups.get(k);
      const v = el.get(k) as Slot;
      if (g) g.push(v);
      else groups.set(k, [v]);
    }
  }
  const m = new Map<string, Attr>();
  for (const k of [...groups.keys()].sort()) {
    m.set(k, { value: Thunk.app(f, [k, groups.get(k) as Slot[]]), pos: undefined });
  }
  return attrs(m);
}

export const ATTR_BUILTINS: readonly BuiltinDef[] = [
  def("attrNames", 1, 1, (a) => [...asAttrs(a[0] as Value).keys()]),
  def("attrValues", 1, 1, (a) => {
    const s = asAttrs(a[0] as Value);
    return s.keys().map((k) => s.get(k) as Slot);
  }),
  def("getAttr", 2, ALL, function* (a) {
    const name = stringNoContext(a[0] as Value);
    const s = asAttrs(a[1] as Value);
    const v = s.get(name);
    if (v === undefined) throw new NixError("PSL2006", { name }, undefined);
    return peek(v) ?? ((yield forceRequest(v)) as Value);
  }),
  def(
    "hasAttr",
    2,
    ALL,
    (a) => asAttrs(a[1] as Value).testAttr(stringNoContext(a[0] as Value)) !== undefined,
  ),
  def("catAttrs", 2, ALL, function* (a) {
    const name = stringNoContext(a[0] as Value);
    const out: Slot[] = [];
    for (const x of asList(a[1] as Value)) {
      const el = peek(x) ?? ((yield forceRequest(x)) as Value);
      if (!(el instanceof NixAttrs)) throw typeError("a set", el);
      const v = el.get(name);
      if (v !== undefined) out.push(v);
    }
    return out;
  }),
  def("intersectAttrs", 2, ALL, (a) => {
    const left = asAttrs(a[0] as Value);
    const right = asAttrs(a[1] as Value);
    const m = new Map<string, Attr>();
    for (const [k, v] of right.entries) if (left.entries.has(k)) m.set(k, v);
    return attrs(m);
  }),
  def(
    "removeAttrs",
    2,
    ALL,
    function* (a) {
      const s = asAttrs(a[0] as Value);
      const drop = new Set<string>();
      for (const x of asList(a[1] as Value))
        drop.add(stringNoContext(peek(x) ?? ((yield forceRequest(x)) as Value)));
      const m = new Map<string, Attr>();
      for (const [k, v] of s.entries) if (!drop.has(k)) m.set(k, v);
      return m.size === s.size ? s : attrs(m);
    },
    true,
  ),
  def("listToAttrs", 1, 1, (a) => listToAttrs(asList(a[0] as Value))),
  def("mapAttrs", 2, 2, (a) => {
    const s = asAttrs(a[1] as Value);
    const m = new Map<string, Attr>();
    for (const [k, v] of s.entries) m.set(k, { value: Thunk.app(a[0] as Slot, [k, v.value]), pos: v.pos });
    return attrs(m);
  }),
  def("zipAttrsWith", 2, 2, (a) => zipAttrsWith(a[0] as Slot, asList(a[1] as Value))),
  def("functionArgs", 1, 1, (a) => {
    const f = a[0] as Value;
    if (f instanceof NixPrimOp || f instanceof NixPrimOpApp) return EMPTY_ATTRS;
    if (!(f instanceof NixLambda)) throw typeError("a function", f);
    const formals = f.expr.formals;
    if (!formals) return EMPTY_ATTRS;
    const m = new Map<string, Attr>();
    for (const x of formals.entries) m.set(x.name, { value: x.def !== undefined, pos: x.span });
    return attrs(m);
  }),
  def("unsafeGetAttrPos", 2, ALL, (a, m) => {
    const name = stringNoContext(a[0] as Value);
    const s = asAttrs(a[1] as Value);
    const attr = s.getAttr(name);
    if (attr === undefined) return null;
    return m.ctx.positionAttrs(attr.pos);
  }),
  // psl's own: a set whose missing attributes are made by `f name` (packages by any name in the stub
  // pkgs), except protocol names starting with `_`. Real Nix does not have it; Nix code tests `builtins ? pslOpenAttrs` first.
  def("pslOpenAttrs", 2, 2, (a) => {
    const f = a[0] as Slot;
    const s = asAttrs(a[1] as Value);
    const open = new NixAttrs(new Map(s.entries));
    // Names with a leading `_` are protocol (`__toString`, `__functor`, `_type`): never made up.
    open.fallback = (name) => (name.startsWith("_") ? undefined : Thunk.native(() => call(f, [name])));
    return open;
  }),
  // psl's own: a set whose missing attributes, when selected, are `f name`; `?`, `or` and `hasAttr` still
  // see only the real ones. psl's isolation uses it for options nobody declares (opaque unknown values).
  def("pslUnknownAttrs", 2, 2, (a) => {
    const f = a[0] as Slot;
    const s = asAttrs(a[1] as Value);
    const open = new NixAttrs(new Map(s.entries));
    open.fallback = (name) => (name.startsWith("_") ? undefined : Thunk.native(() => call(f, [name])));
    open.fallbackOnTest = false;
    return open;
  }),
  // psl's own: records that the option named by the first argument was read with the value psl supplied
  // (NixOS's default in isolation), and returns the value unchanged. Used as the option's `apply`.
  def("pslNoteAssumption", 2, 1, function* (a, m) {
    m.ctx.assumptions.set(bytesToText(stringNoContext(a[0] as Value)), a[1] as Slot);
    return peek(a[1] as Slot) ?? ((yield forceRequest(a[1] as Slot)) as Value);
  }),
  def("getEnv", 1, 1, (a, m) => {
    if (m.ctx.settings.pureEval) return "";
    return textToBytes(m.ctx.host.getEnv(bytesToText(stringNoContext(a[0] as Value))) ?? "");
  }),
];
