/**
 * Integer and float arithmetic with Nix's rules: integers are signed 64-bit and overflow is an error
 * ("integer overflow in adding …"); an operation with a float is a float; integer division truncates
 * toward zero and dividing by zero (integer or float) is an error.
 */
import type { Span } from "../diagnostics/span.js";
import { NixError, typeError } from "./errors.js";
import { NixFloat, normInt, type Value } from "./value.js";

const MIN = -9223372036854775808n;
const MAX = 9223372036854775807n;

function checked(r: bigint, what: string, a: number | bigint, op: string, b: number | bigint, span?: Span) {
  if (r < MIN || r > MAX) throw new NixError("PSL2011", { operation: `${what} ${a} ${op} ${b}` }, span);
  return normInt(r);
}

export function addInts(a: number | bigint, b: number | bigint, span?: Span): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return checked(BigInt(a) + BigInt(b), "adding", a, "+", b, span);
}

export function subInts(a: number | bigint, b: number | bigint, span?: Span): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return checked(BigInt(a) - BigInt(b), "subtraction", a, "-", b, span);
}

export function mulInts(a: number | bigint, b: number | bigint, span?: Span): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return checked(BigInt(a) * BigInt(b), "multiplication", a, "*", b, span);
}

export function divInts(a: number | bigint, b: number | bigint, span?: Span): number | bigint {
  if (b === 0 || b === 0n) throw new NixError("PSL2010", {}, span);
  if (typeof a === "number" && typeof b === "number") {
    const r = Math.trunc(a / b);
    return r === 0 ? 0 : r;
  }
  return checked(BigInt(a) / BigInt(b), "division", a, "/", b, span);
}

type Num = number | bigint | NixFloat;

function num(v: Value, span?: Span): Num {
  if (typeof v === "number" || typeof v === "bigint" || v instanceof NixFloat) return v;
  throw typeError("an integer", v, span);
}

function asFloat(v: Num): number {
  return v instanceof NixFloat ? v.value : Number(v);
}

/** `a op b` on numbers with Nix's int/float promotion. */
export function arith(op: "+" | "-" | "*" | "/", av: Value, bv: Value, span?: Span): Value {
  const a = num(av, span);
  const b = num(bv, span);
  if (a instanceof NixFloat || b instanceof NixFloat) {
    const x = asFloat(a);
    const y = asFloat(b);
    switch (op) {
      case "+":
        return new NixFloat(x + y);
      case "-":
        return new NixFloat(x - y);
      case "*":
        return new NixFloat(x * y);
      default:
        if (y === 0) throw new NixError("PSL2010", {}, span);
        return new NixFloat(x / y);
    }
  }
  switch (op) {
    case "+":
      return addInts(a, b, span);
    case "-":
      return subInts(a, b, span);
    case "*":
      return mulInts(a, b, span);
    default:
      return divInts(a, b, span);
  }
}

/** Integer-only bitwise operations. */
export function bitOp(op: "and" | "or" | "xor", av: Value, bv: Value, span?: Span): number | bigint {
  if (typeof av !== "number" && typeof av !== "bigint") throw typeError("an integer", av, span);
  if (typeof bv !== "number" && typeof bv !== "bigint") throw typeError("an integer", bv, span);
  const a = BigInt.asIntN(64, BigInt(av));
  const b = BigInt.asIntN(64, BigInt(bv));
  const r = op === "and" ? a & b : op === "or" ? a | b : a ^ b;
  return normInt(BigInt.asIntN(64, r));
}
