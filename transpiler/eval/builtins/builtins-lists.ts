/**
 * List builtins. `map`, `genList` and friends are lazy: each element is a deferred application (a thunk),
 * as in Nix. `sort` is a stable merge sort calling the comparator through the machine; `foldl'` forces the
 * accumulator at each step (not the initial one, not the elements).
 */

import { stringNoContext } from "../coerce.js";
import { evalError, typeError } from "../errors.js";
import { eqValuesEffect } from "../ops-eq.js";
import {
  type Attr,
  attrsOf,
  call,
  callRequest,
  type Effect,
  foldRequest,
  forceRequest,
  NixAttrs,
  NixFloat,
  NixString,
  peek,
  type Slot,
  showType,
  Thunk,
  type Value,
} from "../value.js";
import { lessThan } from "./builtins-arith.js";
import { ALL, asFunction, asList, asSmallInt, type BuiltinDef, def } from "./define.js";

/** A predicate's answer (`(yield callRequest(f, [x]))`), which must be a Boolean; no generator per call. */
function asBool(r: Value, what: string): boolean {
  if (typeof r !== "boolean") throw typeError("a Boolean", r).addTrace(what, undefined);
  return r;
}

function* sortEffect(cmp: Slot, list: Slot[]): Effect<Value> {
  // Bottom-up merge sort: stable, and O(n log n) comparator calls.
  let a = list.slice();
  let b: Slot[] = new Array(a.length);
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Take from the right only when right < left (keeps equal elements in order).
        const r = yield* call(cmp, [a[j] as Slot, a[i] as Slot]);
        if (typeof r !== "boolean") throw typeError("a Boolean", r);
        b[k++] = r ? (a[j++] as Slot) : (a[i++] as Slot);
      }
      while (i < mid) b[k++] = a[i++] as Slot;
      while (j < hi) b[k++] = a[j++] as Slot;
    }
    [a, b] = [b, a];
  }
  return a;
}

/** A canonical text for simple `genericClosure` keys (numbers compare across int and float, as in Nix). */
function simpleKey(v: Value): string | undefined {
  if (typeof v === "number" || typeof v === "bigint") return `n${String(v)}`;
  if (v instanceof NixFloat) return Number.isInteger(v.value) ? `n${BigInt(v.value)}` : `f${v.value}`;
  if (typeof v === "string") return `s${v}`;
  if (v instanceof NixString) return `s${v.s}`;
  return undefined;
}

function* genericClosure(args: Slot[]): Effect<Value> {
  const spec = peek(args[0] as Slot) ?? ((yield forceRequest(args[0] as Slot)) as Value);
  if (!(spec instanceof NixAttrs)) throw typeError("a set", spec);
  const startSet = spec.get("startSet");
  if (startSet === undefined) throw evalError("attribute 'startSet' required");
  const op = spec.get("operator");
  if (op === undefined) throw evalError("attribute 'operator' required");
  const start = peek(startSet) ?? ((yield forceRequest(startSet)) as Value);
  if (!Array.isArray(start)) throw typeError("a list", start);
  const opv = peek(op) ?? ((yield forceRequest(op)) as Value);
  asFunction(opv);
  // A queue, as in Nix: breadth first, each element's successors after everything already waiting.
  const work: Slot[] = [...start];
  let head = 0;
  const res: Slot[] = [];
  const seen: Value[] = [];
  const seenSimple = new Set<string>();
  let keyKind: string | undefined;
  while (head < work.length) {
    const el = work[head++] as Slot;
    const e = peek(el) ?? ((yield forceRequest(el)) as Value);
    if (!(e instanceof NixAttrs)) throw typeError("a set", e);
    const keySlot = e.get("key");
    if (keySlot === undefined) throw evalError("attribute 'key' required");
    const key = peek(keySlot) ?? ((yield forceRequest(keySlot)) as Value);
    const sk = simpleKey(key);
    if (sk !== undefined) {
      const kind = sk[0] === "s" ? "s" : "n";
      if (keyKind !== undefined && keyKind !== kind)
        throw evalError(
          `cannot compare ${showType(key)} with ${keyKind === "s" ? "a string" : "an integer"}`,
        );
      keyKind = kind;
      if (seenSimple.has(sk)) continue;
      seenSimple.add(sk);
    } else {
      let dup = false;
      for (const s of seen) {
        if ((yield* lessThan(s, key)) || (yield* lessThan(key, s))) continue;
        dup = true;
        break;
      }
      if (dup) continue;
      seen.push(key);
    }
    res.push(e);
    const next = (yield callRequest(opv, [e])) as Value;
    if (!Array.isArray(next)) throw typeError("a list", next);
    for (const n of next) work.push(n);
  }
  return res;
}

export const LIST_BUILTINS: readonly BuiltinDef[] = [
  def("length", 1, 1, (a) => asList(a[0] as Value).length),
  def("head", 1, 1, function* (a) {
    const l = asList(a[0] as Value);
    if (l.length === 0) throw evalError("'builtins.head' called on an empty list");
    return peek(l[0] as Slot) ?? ((yield forceRequest(l[0] as Slot)) as Value);
  }),
  def("tail", 1, 1, (a) => {
    const l = asList(a[0] as Value);
    if (l.length === 0) throw evalError("'builtins.tail' called on an empty list");
    return l.slice(1);
  }),
  def("elemAt", 2, ALL, function* (a) {
    const l = asList(a[0] as Value);
    const n = asSmallInt(a[1] as Value);
    if (n < 0 || n >= l.length) throw evalError(`list index ${String(a[1])} is out of bounds`);
    return peek(l[n] as Slot) ?? ((yield forceRequest(l[n] as Slot)) as Value);
  }),
  def("map", 2, 2, (a) => asList(a[1] as Value).map((x) => Thunk.app(a[0] as Slot, [x])), true),
  def("genList", 2, 2, (a) => {
    const n = a[1] as Value;
    const len = asSmallInt(n);
    if (len < 0) throw evalError(`cannot create list of size ${String(n)}`);
    if (len > 50_000_000)
      throw evalError(`cannot create list of size ${String(n)}: more than psl's limit of 50,000,000`);
    const f = a[0] as Slot;
    const out: Slot[] = new Array(len);
    for (let i = 0; i < len; i++) out[i] = Thunk.app(f, [i]);
    return out;
  }),
  def("filter", 2, ALL, function* (a) {
    const l = asList(a[1] as Value);
    asFunction(a[0] as Value);
    const out: Slot[] = [];
    for (const x of l)
      if (
        asBool(
          (yield callRequest(a[0] as Slot, [x])) as Value,
          "while evaluating the return value of the filtering function",
        )
      )
        out.push(x);
    return out.length === l.length ? l : out;
  }),
  def("foldl'", 3, 4, function* (a) {
    const l = asList(a[2] as Value);
    if (l.length === 0) return peek(a[1] as Slot) ?? ((yield forceRequest(a[1] as Slot)) as Value);
    const op = peek(a[0] as Slot) ?? ((yield forceRequest(a[0] as Slot)) as Value);
    asFunction(op);
    return (yield foldRequest(op, a[1] as Slot, l)) as Value;
  }),
  def("elem", 2, 2, function* (a) {
    const x = peek(a[0] as Slot) ?? ((yield forceRequest(a[0] as Slot)) as Value);
    for (const y of asList(a[1] as Value))
      if (yield* eqValuesEffect(x, peek(y) ?? ((yield forceRequest(y)) as Value))) return true;
    return false;
  }),
  def("concatLists", 1, 1, function* (a) {
    const out: Slot[] = [];
    for (const x of asList(a[0] as Value)) {
      const l = peek(x) ?? ((yield forceRequest(x)) as Value);
      if (!Array.isArray(l)) throw typeError("a list", l);
      for (const y of l) out.push(y);
    }
    return out;
  }),
  def("concatMap", 2, ALL, function* (a) {
    asFunction(a[0] as Value);
    const out: Slot[] = [];
    for (const x of asList(a[1] as Value)) {
      const l = (yield callRequest(a[0] as Slot, [x])) as Value;
      if (!Array.isArray(l)) throw typeError("a list", l);
      for (const y of l) out.push(y);
    }
    return out;
  }),
  def("any", 2, ALL, function* (a) {
    asFunction(a[0] as Value);
    for (const x of asList(a[1] as Value))
      if (
        asBool(
          (yield callRequest(a[0] as Slot, [x])) as Value,
          "while evaluating the return value of the function passed to builtins.any",
        )
      )
        return true;
    return false;
  }),
  def("all", 2, ALL, function* (a) {
    asFunction(a[0] as Value);
    for (const x of asList(a[1] as Value))
      if (
        !asBool(
          (yield callRequest(a[0] as Slot, [x])) as Value,
          "while evaluating the return value of the function passed to builtins.all",
        )
      )
        return false;
    return true;
  }),
  def("partition", 2, ALL, function* (a) {
    asFunction(a[0] as Value);
    const right: Slot[] = [];
    const wrong: Slot[] = [];
    for (const x of asList(a[1] as Value))
      asBool(
        (yield callRequest(a[0] as Slot, [x])) as Value,
        "while evaluating the return value of the partition function",
      )
        ? right.push(x)
        : wrong.push(x);
    return attrsOf({ right, wrong });
  }),
  def("groupBy", 2, ALL, function* (a) {
    asFunction(a[0] as Value);
    const groups = new Map<string, Slot[]>();
    for (const x of asList(a[1] as Value)) {
      const k = stringNoContext((yield callRequest(a[0] as Slot, [x])) as Value);
      const g = groups.get(k);
      if (g) g.push(x);
      else groups.set(k, [x]);
    }
    const m = new Map<string, Attr>();
    for (const [k, v] of groups) m.set(k, { value: v, pos: undefined });
    return new NixAttrs(m);
  }),
  def("sort", 2, ALL, function* (a) {
    const l = asList(a[1] as Value);
    asFunction(a[0] as Value);
    if (l.length <= 1) return l;
    return yield* sortEffect(a[0] as Slot, l);
  }),
  def("genericClosure", 1, 0, (a) => genericClosure(a)),
];
