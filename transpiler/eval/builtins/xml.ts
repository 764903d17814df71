/**
 * `builtins.toXML` and `nix-instantiate --xml`: Nix's XML form of a value, two-space indented, attributes
 * of an element sorted by name, derivations shown once (`<repeated />` after), functions as their
 * patterns, anything not evaluated (or a builtin) as `<unevaluated />`. Walks iteratively.
 */
import { formatNixFloat } from "../../nix/literals.js";
import type { EvalContext } from "../context.js";
import {
  DONE,
  type Effect,
  forceRequest,
  NixAttrs,
  NixFloat,
  NixLambda,
  NixPath,
  NixString,
  peek,
  type Slot,
  Thunk,
  type Value,
} from "../value.js";

function escapeAttr(s: string): string {
  return s.replace(/["<>&\n]/g, (c) =>
    c === '"' ? "&quot;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&#xA;",
  );
}

function attrsText(attrs: Record<string, string>): string {
  return Object.keys(attrs)
    .sort()
    .map((k) => ` ${k}="${escapeAttr(attrs[k] as string)}"`)
    .join("");
}

type Work = { slot: Slot; depth: number } | { text: string };

export interface XmlOptions {
  readonly strict: boolean;
  readonly location: boolean;
}

/** The XML document for a value (a byte string), adding string contexts to `context`. */
export function* toXml(
  root: Slot,
  ctx: EvalContext,
  options: XmlOptions,
  context: Set<string>,
): Effect<string> {
  const out: string[] = ["<?xml version='1.0' encoding='utf-8'?>\n", "<expr>\n"];
  const drvsSeen = new Set<string>();
  const stack: Work[] = [{ text: "</expr>\n" }, { slot: root, depth: 1 }];
  const pad = (d: number) => "  ".repeat(d);
  const empty = (d: number, name: string, attrs: Record<string, string> = {}) =>
    out.push(`${pad(d)}<${name}${attrsText(attrs)} />\n`);
  const posAttrs = (span: import("../../diagnostics/span.js").Span | undefined): Record<string, string> => {
    if (!options.location || span === undefined) return {};
    const p = ctx.sources.position(span);
    return p ? { column: String(p.column), line: String(p.line), path: span.file } : {};
  };
  while (stack.length > 0) {
    const w = stack.pop() as Work;
    if ("text" in w) {
      out.push(w.text);
      continue;
    }
    const d = w.depth;
    let v: Value;
    if (options.strict) v = peek(w.slot) ?? ((yield forceRequest(w.slot)) as Value);
    else if (w.slot instanceof Thunk) {
      if (w.slot.state !== DONE) {
        empty(d, "unevaluated");
        continue;
      }
      v = w.slot.value as Value;
    } else v = w.slot;
    if (typeof v === "number" || typeof v === "bigint") empty(d, "int", { value: String(v) });
    else if (typeof v === "boolean") empty(d, "bool", { value: v ? "true" : "false" });
    else if (typeof v === "string") empty(d, "string", { value: v });
    else if (v instanceof NixString) {
      for (const c of v.context) context.add(c);
      empty(d, "string", { value: v.s });
    } else if (v instanceof NixPath) empty(d, "path", { value: v.path });
    else if (v === null) empty(d, "null");
    else if (v instanceof NixFloat) empty(d, "float", { value: formatNixFloat(v.value) });
    else if (Array.isArray(v)) {
      out.push(`${pad(d)}<list>\n`);
      stack.push({ text: `${pad(d)}</list>\n` });
      for (let i = v.length - 1; i >= 0; i--) stack.push({ slot: v[i] as Slot, depth: d + 1 });
    } else if (v instanceof NixAttrs) {
      const typeSlot = v.get("type");
      let isDrv = false;
      if (typeSlot !== undefined) {
        const t = peek(typeSlot) ?? ((yield forceRequest(typeSlot)) as Value);
        isDrv = t === "derivation" || (t instanceof NixString && t.s === "derivation");
      }
      const pushAttrs = () => {
        const keys = v.keys();
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i] as string;
          const a = v.getAttr(k);
          stack.push({ text: `${pad(d + 1)}</attr>\n` });
          stack.push({ slot: a?.value as Slot, depth: d + 2 });
          stack.push({ text: `${pad(d + 1)}<attr${attrsText({ name: k, ...posAttrs(a?.pos) })}>\n` });
        }
      };
      if (isDrv) {
        const attrs: Record<string, string> = {};
        let drvPath = "";
        for (const key of ["drvPath", "outPath"]) {
          const s = v.get(key);
          if (s === undefined) continue;
          const sv = options.strict
            ? (peek(s) ?? ((yield forceRequest(s)) as Value))
            : s instanceof Thunk
              ? s.value
              : s;
          const str = typeof sv === "string" ? sv : sv instanceof NixString ? sv.s : undefined;
          if (str !== undefined) {
            attrs[key] = str;
            if (key === "drvPath") drvPath = str;
          }
        }
        out.push(`${pad(d)}<derivation${attrsText(attrs)}>\n`);
        stack.push({ text: `${pad(d)}</derivation>\n` });
        if (drvPath !== "" && !drvsSeen.has(drvPath)) {
          drvsSeen.add(drvPath);
          pushAttrs();
        } else stack.push({ text: `${pad(d + 1)}<repeated />\n` });
      } else {
        out.push(`${pad(d)}<attrs>\n`);
        stack.push({ text: `${pad(d)}</attrs>\n` });
        pushAttrs();
      }
    } else if (v instanceof NixLambda) {
      const lam = v.expr;
      out.push(`${pad(d)}<function${attrsText(posAttrs(lam))}>\n`);
      stack.push({ text: `${pad(d)}</function>\n` });
      if (lam.formals) {
        const a: Record<string, string> = {};
        if (lam.arg !== undefined) a.name = lam.arg;
        if (lam.formals.ellipsis) a.ellipsis = "1";
        out.push(`${pad(d + 1)}<attrspat${attrsText(a)}>\n`);
        for (const f of [...lam.formals.entries].sort((x, y) =>
          x.name < y.name ? -1 : x.name > y.name ? 1 : 0,
        )) {
          empty(d + 2, "attr", { name: f.name });
        }
        out.push(`${pad(d + 1)}</attrspat>\n`);
      } else empty(d + 1, "varpat", { name: lam.arg ?? "" });
    } else empty(d, "unevaluated");
  }
  return out.join("");
}
