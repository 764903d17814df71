/**
 * `+` and string interpolation (Nix's `ExprConcatStrings`). The first operand decides what the result is:
 * an integer sum (overflow is an error), a float sum, a path (the rest is appended as text and the result
 * canonicalised; parts with context are an error), or a string. In a string every operand is coerced:
 * paths are copied to the store when interpolated into a string, sets go through `__toString`/`outPath`.
 * The machine feeds operands one by one; only sets need evaluation (`coercePartEffect`).
 */
import type { Span } from "../diagnostics/span.js";
import { canonPath } from "../nix/canon-path.js";
import { addInts } from "./arith.js";
import { coerceSimple, coerceToString, INTERPOLATE, PLAIN } from "./coerce.js";
import type { EvalContext } from "./context.js";
import { evalError } from "./errors.js";
import { type Effect, mkString, NixAttrs, NixFloat, NixPath, showType, type Value } from "./value.js";

const T_STRING = 0;
const T_PATH = 1;
const T_INT = 2;
const T_FLOAT = 3;
/** A string whose first operand was not a string (a set, say): paths are not copied to the store. */
const T_OTHER = 4;

export interface ConcatAcc {
  first: boolean;
  type: number;
  n: number | bigint;
  nf: number;
  /** The text so far: appended with `+`, so V8 builds a rope and string building stays linear. */
  text: string;
  context: Set<string> | undefined;
}

export function newConcat(forceString: boolean): ConcatAcc {
  return { first: !forceString, type: T_STRING, n: 0, nf: 0, text: "", context: undefined };
}

function firstType(v: Value): number {
  if (typeof v === "number" || typeof v === "bigint") return T_INT;
  if (v instanceof NixFloat) return T_FLOAT;
  if (v instanceof NixPath) return T_PATH;
  if (typeof v === "string" || (v !== null && typeof v === "object" && "context" in v)) return T_STRING;
  return T_OTHER;
}

/** Adds one operand; false when it is a set that needs evaluation (then use `coercePartEffect`). */
export function addConcatPart(acc: ConcatAcc, v: Value, span: Span, ctx: EvalContext): boolean {
  const wasFirst = acc.first;
  if (wasFirst) acc.type = firstType(v);
  if (acc.type === T_INT) {
    if (typeof v === "number" || typeof v === "bigint") acc.n = addInts(acc.n, v, span);
    else if (v instanceof NixFloat) {
      acc.type = T_FLOAT;
      acc.nf = Number(acc.n) + v.value;
    } else throw evalError(`cannot add ${showType(v)} to an integer`, span);
  } else if (acc.type === T_FLOAT) {
    if (typeof v === "number" || typeof v === "bigint") acc.nf += Number(v);
    else if (v instanceof NixFloat) acc.nf += v.value;
    else throw evalError(`cannot add ${showType(v)} to a float`, span);
  } else {
    if (typeof v === "string") {
      // The common case: a plain string needs no coercion and brings no context.
      acc.text += v;
      acc.first = false;
      return true;
    }
    if (v instanceof NixAttrs) return false;
    acc.context ??= new Set();
    const opts = acc.type === T_STRING ? INTERPOLATE : PLAIN;
    const s = coerceSimple(v, ctx, { ...opts, canonicalizePath: !wasFirst }, acc.context, span);
    acc.text += s as string;
  }
  acc.first = false;
  return true;
}

/** Coerces a set operand (through `__toString` or `outPath`) and adds it. */
export function* coercePartEffect(acc: ConcatAcc, v: Value, span: Span, ctx: EvalContext): Effect<Value> {
  acc.context ??= new Set();
  const opts = acc.type === T_STRING ? INTERPOLATE : PLAIN;
  acc.text += yield* coerceToString(v, ctx, opts, acc.context, span);
  acc.first = false;
  return null;
}

/** The general rules over already evaluated operands (the machine's fallback for `a + b`). */
export function* concatValuesEffect(
  values: readonly Value[],
  parts: readonly Span[],
  forceString: boolean,
  ctx: EvalContext,
): Effect<Value> {
  const acc = newConcat(forceString);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as Value;
    const span = parts[i] as Span;
    if (!addConcatPart(acc, v, span, ctx)) yield* coercePartEffect(acc, v, span, ctx);
  }
  return finishConcat(acc, parts[0] as Span);
}

export function finishConcat(acc: ConcatAcc, span: Span): Value {
  switch (acc.type) {
    case T_INT:
      return acc.n;
    case T_FLOAT:
      return new NixFloat(acc.nf);
    case T_PATH:
      if (acc.context !== undefined && acc.context.size > 0) {
        throw evalError("a string that refers to a store path cannot be appended to a path", span);
      }
      return new NixPath(canonPath(acc.text));
    default:
      return mkString(acc.text, acc.context);
  }
}
