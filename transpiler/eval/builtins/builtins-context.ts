/**
 * String context builtins (`getContext`, `appendContext`, `hasContext`, the discard and add variants),
 * and the ones built on the serialisers: `toJSON`, `fromJSON`, `fromTOML`, `toXML`, `derivationStrict`.
 * Context elements are kept as Nix writes them: `/nix/store/…` (a path), `=/nix/store/….drv` (a
 * derivation and all its outputs, deeply), `!out!/nix/store/….drv` (one output).
 */
import { forceString, stringNoContext } from "../coerce.js";
import { evalError, typeError } from "../errors.js";
import { derivationStrict } from "../store/derivation.js";
import {
  type Attr,
  attrsOf,
  forceRequest,
  mkString,
  NixAttrs,
  NixString,
  peek,
  type Slot,
  type Value,
} from "../value.js";
import { type BuiltinDef, def } from "./define.js";
import { fromJson, toJson } from "./json.js";
import { fromToml } from "./toml.js";
import { toXml } from "./xml.js";

function contextOf(v: Value): ReadonlySet<string> {
  if (typeof v === "string") return new Set();
  if (v instanceof NixString) return v.context;
  throw typeError("a string", v);
}

function text(v: Value): string {
  return typeof v === "string" ? v : (v as NixString).s;
}

export const CONTEXT_BUILTINS: readonly BuiltinDef[] = [
  def("hasContext", 1, 1, (a) => contextOf(a[0] as Value).size > 0),
  def("unsafeDiscardStringContext", 1, 1, (a) => {
    contextOf(a[0] as Value);
    return text(a[0] as Value);
  }),
  def("unsafeDiscardOutputDependency", 1, 1, (a) => {
    const v = a[0] as Value;
    const out = new Set<string>();
    for (const c of contextOf(v)) out.add(c.startsWith("=") ? c.slice(1) : c);
    return mkString(text(v), out);
  }),
  def("addDrvOutputDependencies", 1, 1, (a) => {
    const v = a[0] as Value;
    const ctx = contextOf(v);
    if (ctx.size !== 1) {
      throw evalError(`context of string '${text(v)}' must have exactly one element, but has ${ctx.size}`);
    }
    const [c] = [...ctx] as [string];
    if (c.startsWith("=")) return v;
    if (c.startsWith("!")) {
      throw evalError(
        `\`addDrvOutputDependencies\` can only act on derivations, not on a derivation output such as '${c.slice(c.indexOf("!", 1) + 1)}^${c.slice(1, c.indexOf("!", 1))}'`,
      );
    }
    if (!c.endsWith(".drv")) throw evalError(`path '${c}' is not a derivation`);
    return mkString(text(v), new Set([`=${c}`]));
  }),
  def("getContext", 1, 1, (a) => {
    const info = new Map<string, { path: boolean; all: boolean; outputs: string[] }>();
    const get = (p: string) => {
      let e = info.get(p);
      if (!e) {
        e = { path: false, all: false, outputs: [] };
        info.set(p, e);
      }
      return e;
    };
    for (const c of contextOf(a[0] as Value)) {
      if (c.startsWith("=")) get(c.slice(1)).all = true;
      else if (c.startsWith("!")) {
        const bang = c.indexOf("!", 1);
        get(c.slice(bang + 1)).outputs.push(c.slice(1, bang));
      } else get(c).path = true;
    }
    const m = new Map<string, Attr>();
    for (const p of [...info.keys()].sort()) {
      const e = info.get(p) as { path: boolean; all: boolean; outputs: string[] };
      const r: Record<string, Slot> = {};
      if (e.path) r.path = true;
      if (e.all) r.allOutputs = true;
      if (e.outputs.length > 0) r.outputs = e.outputs.sort();
      m.set(p, { value: attrsOf(r), pos: undefined });
    }
    return new NixAttrs(m);
  }),
  def("appendContext", 2, 3, function* (a, m) {
    const v = a[0] as Value;
    const out = new Set(contextOf(v));
    const spec = a[1] as Value;
    if (!(spec instanceof NixAttrs)) throw typeError("a set", spec);
    const storeDir = `${m.ctx.settings.storeDir}/`;
    for (const p of spec.keys()) {
      if (!p.startsWith(storeDir)) throw evalError(`context key '${p}' is not a store path`);
      const e = peek(spec.get(p) as Slot) ?? ((yield forceRequest(spec.get(p) as Slot)) as Value);
      if (!(e instanceof NixAttrs)) throw typeError("a set", e);
      const path = e.get("path");
      if (path !== undefined && (peek(path) ?? ((yield forceRequest(path)) as Value)) === true) out.add(p);
      const all = e.get("allOutputs");
      if (all !== undefined && (peek(all) ?? ((yield forceRequest(all)) as Value)) === true) {
        if (!p.endsWith(".drv")) {
          throw evalError(`tried to add all-outputs context of ${p}, which is not a derivation, to a string`);
        }
        out.add(`=${p}`);
      }
      const outs = e.get("outputs");
      if (outs !== undefined) {
        const l = peek(outs) ?? ((yield forceRequest(outs)) as Value);
        if (!Array.isArray(l)) throw typeError("a list", l);
        if (l.length > 0 && !p.endsWith(".drv")) {
          throw evalError(
            `tried to add derivation output context of ${p}, which is not a derivation, to a string`,
          );
        }
        for (const o of l) out.add(`!${stringNoContext(peek(o) ?? ((yield forceRequest(o)) as Value))}!${p}`);
      }
    }
    return mkString(text(v), out);
  }),
  def("toJSON", 1, 0, function* (a, m) {
    const context = new Set<string>();
    const s = yield* toJson(a[0] as Slot, m.ctx, context);
    return mkString(s, context);
  }),
  def("fromJSON", 1, 1, function* (a) {
    return fromJson(yield* forceString(a[0] as Slot, undefined));
  }),
  def(
    "fromTOML",
    1,
    1,
    function* (a, m) {
      const s = yield* forceString(a[0] as Slot, undefined);
      return fromToml(s, { timestamps: m.ctx.settings.experimentalFeatures.has("parse-toml-timestamps") });
    },
    true,
  ),
  def("toXML", 1, 0, function* (a, m) {
    const context = new Set<string>();
    const s = yield* toXml(a[0] as Slot, m.ctx, { strict: true, location: false }, context);
    return mkString(s, context);
  }),
  def("derivationStrict", 1, 1, (a, m) => derivationStrict(m.ctx, a[0] as Value), true),
];
