/** Arithmetic, bitwise operations, rounding, and `lessThan` (the `<` operator). */
import { arith, bitOp } from "../arith.js";
import { evalError, NixError, typeError } from "../errors.js";
import { eqValuesEffect } from "../ops-eq.js";
import {
  type Effect,
  forceRequest,
  NixFloat,
  NixPath,
  NixString,
  peek,
  type Slot,
  showType,
  type Value,
} from "../value.js";
import { ALL, type BuiltinDef, def } from "./define.js";

function str(v: Value): string | undefined {
  return typeof v === "string" ? v : v instanceof NixString ? v.s : undefined;
}

/** Nix's `<`: numbers, strings (bytes), paths, and lists lexicographically. */
export function* lessThan(a: Value, b: Value): Effect<boolean> {
  const na = typeof a === "number" || typeof a === "bigint" || a instanceof NixFloat;
  const nb = typeof b === "number" || typeof b === "bigint" || b instanceof NixFloat;
  if (na && nb) {
    if (typeof a !== "object" && typeof b !== "object") return a < b;
    return Number(a instanceof NixFloat ? a.value : a) < Number(b instanceof NixFloat ? b.value : b);
  }
  const sa = str(a);
  const sb = str(b);
  if (sa !== undefined && sb !== undefined) return sa < sb;
  if (a instanceof NixPath && b instanceof NixPath) return a.path < b.path;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; ; i++) {
      if (i === b.length) return false;
      if (i === a.length) return true;
      const x = peek(a[i] as Slot) ?? ((yield forceRequest(a[i] as Slot)) as Value);
      const y = peek(b[i] as Slot) ?? ((yield forceRequest(b[i] as Slot)) as Value);
      if (!(yield* eqValuesEffect(x, y))) return yield* lessThan(x, y);
    }
  }
  throw evalError(`cannot compare ${showType(a)} with ${showType(b)}`);
}

function rounding(name: string, f: (x: number) => number): BuiltinDef {
  return def(name, 1, 1, (args) => {
    const v = args[0] as Value;
    if (typeof v === "number" || typeof v === "bigint") return v;
    if (!(v instanceof NixFloat)) throw typeError("a float", v);
    const r = f(v.value);
    if (!(r >= -(2 ** 63) && r < 2 ** 63)) {
      throw new NixError(
        "PSL2017",
        { message: `NixFloat argument ${v.value} is not in the range of NixInt` },
        undefined,
      );
    }
    const b = BigInt(r);
    return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
  });
}

export const ARITH_BUILTINS: readonly BuiltinDef[] = [
  def("add", 2, ALL, (a) => arith("+", a[0] as Value, a[1] as Value)),
  def("sub", 2, ALL, (a) => arith("-", a[0] as Value, a[1] as Value)),
  def("mul", 2, ALL, (a) => arith("*", a[0] as Value, a[1] as Value)),
  def("div", 2, ALL, (a) => arith("/", a[0] as Value, a[1] as Value)),
  def("bitAnd", 2, ALL, (a) => bitOp("and", a[0] as Value, a[1] as Value)),
  def("bitOr", 2, ALL, (a) => bitOp("or", a[0] as Value, a[1] as Value)),
  def("bitXor", 2, ALL, (a) => bitOp("xor", a[0] as Value, a[1] as Value)),
  def("lessThan", 2, ALL, (a) => {
    const x = a[0] as Value;
    const y = a[1] as Value;
    // Numbers and plain strings (the common `<`) compare without a generator.
    if ((typeof x === "number" && typeof y === "number") || (typeof x === "string" && typeof y === "string"))
      return x < y;
    return lessThan(x, y);
  }),
  rounding("ceil", Math.ceil),
  rounding("floor", Math.floor),
];
