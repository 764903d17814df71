/**
 * String builtins: length and `substring` on bytes, `replaceStrings` with Nix's left-to-right rule
 * (empty patterns match between every byte), `match`/`split` on POSIX extended expressions, version
 * parsing and comparison, `baseNameOf`/`dirOf`, hashing. Results carry the context of their inputs.
 */

import { dirOfPath } from "../../nix/canon-path.js";
import { coerceToString, forceString, INTERPOLATE, PLAIN, stringNoContext, TO_STRING } from "../coerce.js";
import { evalError, typeError } from "../errors.js";
import { compileEre } from "../regex-posix.js";
import { formatHash, type HashFormat, hashBytes, isHashAlgo, parseHash } from "../store/hash.js";
import {
  type Effect,
  forceRequest,
  mkString,
  NixAttrs,
  NixPath,
  NixString,
  peek,
  type Slot,
  type Value,
} from "../value.js";
import { ALL, asInt, asList, type BuiltinDef, def } from "./define.js";

function* toStr(
  slot: Slot,
  context: Set<string>,
  m: { ctx: import("../context.js").EvalContext },
): Effect<string> {
  return yield* coerceToString(slot, m.ctx, INTERPOLATE, context, undefined);
}

/** Splits a version into components: runs of digits, or runs of other characters; `.` and `-` separate. */
export function splitVersion(v: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (i < v.length && (v[i] === "." || v[i] === "-")) i++;
    if (i >= v.length) break;
    const digit = /[0-9]/.test(v[i] as string);
    let j = i;
    if (digit) while (j < v.length && /[0-9]/.test(v[j] as string)) j++;
    else while (j < v.length && !/[0-9.-]/.test(v[j] as string)) j++;
    out.push(v.slice(i, j));
    i = j;
  }
  return out;
}

function asIntComponent(c: string): number | undefined {
  if (!/^[0-9]+$/.test(c)) return undefined;
  const n = Number(c);
  return n <= 2147483647 ? n : undefined;
}

function componentLess(c1: string, c2: string): boolean {
  const n1 = asIntComponent(c1);
  const n2 = asIntComponent(c2);
  if (n1 !== undefined && n2 !== undefined) return n1 < n2;
  if (c1 === "" && n2 !== undefined) return true;
  if (c1 === "pre" && c2 !== "pre") return true;
  if (c2 === "pre") return false;
  if (n2 !== undefined) return true;
  if (n1 !== undefined) return false;
  return c1 < c2;
}

export function compareVersions(a: string, b: string): number {
  const ca = splitVersion(a);
  const cb = splitVersion(b);
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i] ?? "";
    const y = cb[i] ?? "";
    if (componentLess(x, y)) return -1;
    if (componentLess(y, x)) return 1;
  }
  return 0;
}

export function baseNameOf(p: string): string {
  if (p === "") return "";
  let last = p.length - 1;
  if (p[last] === "/" && last > 0) last--;
  const pos = p.lastIndexOf("/", last);
  return p.slice(pos < 0 ? 0 : pos + 1, last + 1);
}

function* replaceStrings(a: Slot[], m: { ctx: import("../context.js").EvalContext }): Effect<Value> {
  const from = asList(a[0] as Value);
  const to = asList(a[1] as Value);
  if (from.length !== to.length) {
    throw evalError("'from' and 'to' arguments passed to builtins.replaceStrings have different lengths");
  }
  const context = new Set<string>();
  const s = yield* forceString(a[2] as Slot, context);
  const pats: string[] = [];
  for (const f of from) pats.push(yield* forceString(f, undefined));
  const reps: (string | undefined)[] = new Array(to.length).fill(undefined);
  let res = "";
  for (let p = 0; p <= s.length; ) {
    let found = false;
    for (let i = 0; i < pats.length; i++) {
      const pat = pats[i] as string;
      if (s.startsWith(pat, p)) {
        found = true;
        let rep = reps[i];
        if (rep === undefined) {
          rep = yield* coerceToString(to[i] as Slot, m.ctx, INTERPOLATE, context, undefined);
          reps[i] = rep;
        }
        res += rep;
        if (pat === "") {
          if (p < s.length) res += s[p];
          p++;
        } else p += pat.length;
        break;
      }
    }
    if (!found) {
      if (p < s.length) res += s[p];
      p++;
    }
  }
  return mkString(res, context);
}

function* toStringEffect(v: Value, ctx: import("../context.js").EvalContext): Effect<Value> {
  const context = new Set<string>();
  return mkString(yield* coerceToString(v, ctx, TO_STRING, context, undefined), context);
}

export const STRING_BUILTINS: readonly BuiltinDef[] = [
  def(
    "toString",
    1,
    1,
    (a, m) => {
      // The argument arrives forced; numbers and plain strings need no generator and no context set.
      const v = a[0] as Value;
      if (typeof v === "number" || typeof v === "string") return String(v);
      return toStringEffect(v, m.ctx);
    },
    true,
  ),
  def("stringLength", 1, 0, function* (a, m) {
    const context = new Set<string>();
    return (yield* coerceToString(a[0] as Slot, m.ctx, INTERPOLATE, context, undefined)).length;
  }),
  def("substring", 3, 3, function* (a, m) {
    const start = asInt(a[0] as Value);
    if (start < 0) throw evalError("negative start position in 'substring'");
    const len = asInt(a[1] as Value);
    const sv = peek(a[2] as Slot) ?? ((yield forceRequest(a[2] as Slot)) as Value);
    if ((len === 0 || len === 0n) && (typeof sv === "string" || sv instanceof NixString)) {
      return mkString("", sv instanceof NixString ? sv.context : undefined);
    }
    const context = new Set<string>();
    const s = yield* toStr(sv, context, m);
    const st = Number(start);
    if (st >= s.length) return mkString("", context);
    const n = len < 0 ? s.length : Number(len);
    return mkString(s.slice(st, st + n), context);
  }),
  def("concatStringsSep", 2, ALL, function* (a, m) {
    const context = new Set<string>();
    const sep = yield* forceString(a[0] as Slot, context);
    const parts: string[] = [];
    for (const x of asList(a[1] as Value)) parts.push(yield* toStr(x, context, m));
    return mkString(parts.join(sep), context);
  }),
  def("replaceStrings", 3, 3, (a, m) => replaceStrings(a, m)),
  def("match", 2, ALL, function* (a) {
    const re = compileEre(stringNoContext(a[0] as Value), true);
    if (typeof re === "string")
      throw evalError(`invalid regular expression '${stringNoContext(a[0] as Value)}'`);
    const s = yield* forceString(a[1] as Slot, undefined);
    const r = re.exec(s);
    if (!r) return null;
    return r.slice(1).map((g) => (g === undefined ? null : g));
  }),
  def("split", 2, ALL, function* (a) {
    const re = compileEre(stringNoContext(a[0] as Value), false);
    if (typeof re === "string")
      throw evalError(`invalid regular expression '${stringNoContext(a[0] as Value)}'`);
    const s = yield* forceString(a[1] as Slot, undefined);
    const out: Slot[] = [];
    let last = 0;
    re.lastIndex = 0;
    for (const r of s.matchAll(re)) {
      const at = r.index ?? 0;
      out.push(s.slice(last, at));
      out.push(r.slice(1).map((g) => (g === undefined ? null : g)));
      last = at + r[0].length;
    }
    out.push(s.slice(last));
    return out;
  }),
  def("compareVersions", 2, ALL, (a) =>
    compareVersions(stringNoContext(a[0] as Value), stringNoContext(a[1] as Value)),
  ),
  def("splitVersion", 1, 1, (a) => splitVersion(stringNoContext(a[0] as Value))),
  def("parseDrvName", 1, 1, (a) => {
    const s = stringNoContext(a[0] as Value);
    let name = s;
    let version = "";
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "-" && i + 1 < s.length && !/[a-zA-Z]/.test(s[i + 1] as string)) {
        name = s.slice(0, i);
        version = s.slice(i + 1);
        break;
      }
    }
    return new NixAttrs(
      new Map([
        ["name", { value: name, pos: undefined }],
        ["version", { value: version, pos: undefined }],
      ]),
    );
  }),
  def(
    "baseNameOf",
    1,
    1,
    function* (a, m) {
      const v = a[0] as Value;
      if (v instanceof NixPath) return baseNameOf(v.path);
      const context = new Set<string>();
      const s = yield* coerceToString(v, m.ctx, PLAIN, context, undefined);
      return mkString(baseNameOf(s), context);
    },
    true,
  ),
  def(
    "dirOf",
    1,
    1,
    function* (a, m) {
      const v = a[0] as Value;
      if (v instanceof NixPath) return new NixPath(dirOfPath(v.path));
      const context = new Set<string>();
      const s = yield* coerceToString(v, m.ctx, PLAIN, context, undefined);
      const pos = s.lastIndexOf("/");
      return mkString(pos < 0 ? "." : pos === 0 ? "/" : s.slice(0, pos), context);
    },
    true,
  ),
  def("hashString", 2, ALL, function* (a) {
    const algo = stringNoContext(a[0] as Value);
    if (!isHashAlgo(algo)) throw evalError(`unknown hash algorithm '${algo}'`);
    const s = yield* forceString(a[1] as Slot, undefined);
    return formatHash(algo, hashBytes(algo, s), "base16");
  }),
  def("convertHash", 1, 1, function* (a, m) {
    const spec = a[0] as Value;
    if (!(spec instanceof NixAttrs)) throw typeError("a set", spec);
    const get = function* (name: string): Effect<string | undefined> {
      const s = spec.get(name);
      return s === undefined ? undefined : stringNoContext(peek(s) ?? ((yield forceRequest(s)) as Value));
    };
    const hash = yield* get("hash");
    if (hash === undefined) throw evalError("attribute 'hash' missing");
    const algoName = yield* get("hashAlgo");
    if (algoName !== undefined && !isHashAlgo(algoName))
      throw evalError(`unknown hash algorithm '${algoName}'`);
    const format = yield* get("toHashFormat");
    if (format === undefined) throw evalError("attribute 'toHashFormat' missing");
    if (!["base16", "nix32", "base32", "base64", "sri"].includes(format)) {
      throw evalError(`unknown hash format '${format}', expect 'base16', 'base32', 'base64', or 'sri'`);
    }
    if (format === "base32")
      m.ctx.warn('"base32" is a deprecated alias for hash format "nix32".', undefined, true);
    const parsed = parseHash(hash, algoName as Parameters<typeof parseHash>[1]);
    if (!parsed) throw evalError(`invalid hash '${hash}'`);
    return formatHash(parsed.algo, parsed.hash, format as HashFormat);
  }),
];
