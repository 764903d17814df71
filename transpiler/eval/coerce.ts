/**
 * Coercion to strings, as Nix's `coerceToString` does it: strings pass with their context; paths become
 * their text or, when interpolated into a string, the store path they are copied to (with that path in the
 * context); sets peel through `__toString` (called with the set) or `outPath`; with `coerceMore`
 * (`toString`, `concatStringsSep` does not) also `null`, Booleans (`"1"`/`""`), numbers and lists (joined
 * with spaces). Anything else is "cannot coerce … to a string".
 */
import type { Span } from "../diagnostics/span.js";
import type { EvalContext } from "./context.js";
import { brief, NixError, typeError } from "./errors.js";
import {
  call,
  type Effect,
  forceRequest,
  isString,
  NixAttrs,
  NixFloat,
  NixPath,
  NixString,
  peek,
  type Slot,
  showType,
  type Value,
} from "./value.js";

export interface CoerceOptions {
  readonly coerceMore: boolean;
  readonly copyToStore: boolean;
  readonly canonicalizePath: boolean;
}

export const INTERPOLATE: CoerceOptions = { coerceMore: false, copyToStore: true, canonicalizePath: true };
export const TO_STRING: CoerceOptions = { coerceMore: true, copyToStore: false, canonicalizePath: true };
export const PLAIN: CoerceOptions = { coerceMore: false, copyToStore: false, canonicalizePath: true };

/** `std::to_string(double)`: fixed with six decimals. */
export function floatToString(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return v.toFixed(6);
}

/** The string of a value that needs no evaluation to coerce, or undefined (sets, and errors thrown). */
export function coerceSimple(
  v: Value,
  ctx: EvalContext,
  opts: CoerceOptions,
  context: Set<string>,
  span: Span | undefined,
): string | undefined {
  if (typeof v === "string") return v;
  if (v instanceof NixString) {
    for (const c of v.context) context.add(c);
    return v.s;
  }
  if (v instanceof NixPath) {
    if (!opts.canonicalizePath && !opts.copyToStore) return v.path;
    if (opts.copyToStore) return ctx.copyPathToStore(v.path, context, span);
    return v.path;
  }
  if (v instanceof NixAttrs) return undefined;
  if (opts.coerceMore) {
    if (v === true) return "1";
    if (v === false || v === null) return "";
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    if (v instanceof NixFloat) return floatToString(v.value);
    if (Array.isArray(v)) return undefined;
  }
  throw cannotCoerce(v, span);
}

export function cannotCoerce(v: Value, span: Span | undefined): NixError {
  return new NixError("PSL2005", { message: `cannot coerce ${showType(v)} to a string: ${brief(v)}` }, span);
}

/** Full coercion, peeling sets and joining lists. */
export function* coerceToString(
  slot: Slot,
  ctx: EvalContext,
  opts: CoerceOptions,
  context: Set<string>,
  span: Span | undefined,
): Effect<string> {
  const v = peek(slot) ?? ((yield forceRequest(slot)) as Value);
  const simple = coerceSimple(v, ctx, opts, context, span);
  if (simple !== undefined) return simple;
  if (v instanceof NixAttrs) {
    const toStr = v.get("__toString");
    if (toStr !== undefined) {
      const r = yield* call(toStr, [v]);
      return yield* coerceToString(r, ctx, { ...opts, canonicalizePath: true }, context, span);
    }
    const out = v.get("outPath");
    if (out !== undefined)
      return yield* coerceToString(out, ctx, { ...opts, canonicalizePath: true }, context, span);
    throw cannotCoerce(v, span);
  }
  if (Array.isArray(v)) {
    let result = "";
    for (let n = 0; n < v.length; n++) {
      const el = v[n] as Slot;
      result += yield* coerceToString(el, ctx, opts, context, span);
      if (n < v.length - 1) {
        const ev = peek(el) ?? ((yield forceRequest(el)) as Value);
        if (!Array.isArray(ev) || ev.length !== 0) result += " ";
      }
    }
    return result;
  }
  throw cannotCoerce(v, span);
}

/** Forces a string (context allowed) and returns its bytes, adding its context to `context`. */
export function* forceString(slot: Slot, context: Set<string> | undefined, span?: Span): Effect<string> {
  const v = peek(slot) ?? ((yield forceRequest(slot)) as Value);
  if (!isString(v)) throw typeError("a string", v, span);
  if (typeof v === "string") return v;
  if (context) for (const c of v.context) context.add(c);
  return v.s;
}

/** A forced value as a string without context (an error when it has one). */
export function stringNoContext(v: Value, span?: Span): string {
  if (typeof v === "string") return v;
  if (v instanceof NixString) {
    throw new NixError(
      "PSL2017",
      {
        message: `the string '${v.s}' is not allowed to refer to a store path (such as '${[...v.context][0] ?? ""}')`,
      },
      span,
    );
  }
  throw typeError("a string", v, span);
}
