/**
 * The shape of a builtin definition and the argument checks builtins share ("expected a list but found
 * …"). A definition names the builtin as `builtins.<name>`; `global` ones are also visible without the
 * `builtins.` prefix (`map`, `toString`, `import`, …), every other one also as `__<name>`.
 */
import { typeError } from "../errors.js";
import {
  isString,
  NixAttrs,
  NixFloat,
  NixLambda,
  NixPrimOp,
  NixPrimOpApp,
  type NixString,
  type PrimOpImpl,
  type Slot,
  type Value,
} from "../value.js";

export interface BuiltinDef {
  readonly name: string;
  readonly arity: number;
  /** Bit i: argument i is forced before `impl` runs. */
  readonly strict: number;
  readonly impl: PrimOpImpl;
  readonly global?: boolean;
}

/** All arguments strict. */
export const ALL = 0xff;

export function def(
  name: string,
  arity: number,
  strict: number,
  impl: PrimOpImpl,
  global = false,
): BuiltinDef {
  return global ? { name, arity, strict, impl, global } : { name, arity, strict, impl };
}

export function toPrimOp(d: BuiltinDef): NixPrimOp {
  return new NixPrimOp(d.name, d.arity, d.strict, d.impl);
}

/** A forced argument (strict arguments arrive forced). */
export function arg(args: readonly Slot[], i: number): Value {
  return args[i] as Value;
}

export function asInt(v: Value, what = "an integer"): number | bigint {
  if (typeof v === "number" || typeof v === "bigint") return v;
  throw typeError(what, v);
}

/** An integer that must fit a JavaScript number (indices, lengths). */
export function asSmallInt(v: Value): number {
  const n = asInt(v);
  return typeof n === "bigint" ? (n < 0n ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER) : n;
}

export function asList(v: Value): Slot[] {
  if (Array.isArray(v)) return v;
  throw typeError("a list", v);
}

export function asAttrs(v: Value): NixAttrs {
  if (v instanceof NixAttrs) return v;
  throw typeError("a set", v);
}

export function asBool(v: Value): boolean {
  if (typeof v === "boolean") return v;
  throw typeError("a Boolean", v);
}

export function asFunction(v: Value): Value {
  if (v instanceof NixLambda || v instanceof NixPrimOp || v instanceof NixPrimOpApp) return v;
  if (v instanceof NixAttrs && v.get("__functor") !== undefined) return v;
  throw typeError("a function", v);
}

export function asStringValue(v: Value): string | NixString {
  if (isString(v)) return v;
  throw typeError("a string", v);
}

export function asNumber(v: Value): number {
  if (typeof v === "number" || typeof v === "bigint") return Number(v);
  if (v instanceof NixFloat) return v.value;
  throw typeError("a float", v);
}
