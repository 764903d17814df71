/**
 * Control builtins: `throw`, `abort`, `tryEval` (catches only `throw` and failed assertions, as Nix
 * does), `seq`, `deepSeq`, `trace`/`warn` (written to the evaluation's sink), `addErrorContext`.
 */
import { diag } from "../../diagnostics/diagnostic.js";
import { textToBytes } from "../../nix/bytes.js";
import { coerceToString, TO_STRING } from "../coerce.js";
import type { EvalContext } from "../context.js";
import { NixError, typeError } from "../errors.js";
import { TRY_FAILED } from "../machine.js";
import { printValue } from "../print-value.js";
import {
  attrsOf,
  type Effect,
  forceRequest,
  isString,
  NixAttrs,
  peek,
  REQ_CONTEXT,
  REQ_TRY,
  type Slot,
  stringOf,
  type Value,
} from "../value.js";
import { type BuiltinDef, def } from "./define.js";

/** Forces a value and everything in it (lists and sets), without the JavaScript stack. */
export function* deepForce(slot: Slot): Effect<Value> {
  const top = peek(slot) ?? ((yield forceRequest(slot)) as Value);
  const seen = new Set<object>();
  const work: Value[] = [top];
  while (work.length > 0) {
    const v = work.pop() as Value;
    if (Array.isArray(v)) {
      if (seen.has(v)) continue;
      seen.add(v);
      for (const x of v) work.push(peek(x) ?? ((yield forceRequest(x)) as Value));
    } else if (v instanceof NixAttrs) {
      if (seen.has(v)) continue;
      seen.add(v);
      for (const k of v.keys())
        work.push(peek(v.get(k) as Slot) ?? ((yield forceRequest(v.get(k) as Slot)) as Value));
    }
  }
  return top;
}

function* message(slot: Slot, ctx: EvalContext): Effect<string> {
  return yield* coerceToString(slot, ctx, TO_STRING, new Set(), undefined);
}

export const CONTROL_BUILTINS: readonly BuiltinDef[] = [
  def(
    "throw",
    1,
    0,
    function* (a, m) {
      throw new NixError("PSL2001", { message: yield* message(a[0] as Slot, m.ctx) }, undefined);
    },
    true,
  ),
  def(
    "abort",
    1,
    0,
    function* (a, m) {
      throw new NixError("PSL2002", { message: yield* message(a[0] as Slot, m.ctx) }, undefined);
    },
    true,
  ),
  def("tryEval", 1, 0, function* (a) {
    const r = (yield { req: REQ_TRY, slot: a[0] as Slot, args: undefined }) as Value | typeof TRY_FAILED;
    if (r === TRY_FAILED) return attrsOf({ success: false, value: false });
    return attrsOf({ success: true, value: a[0] as Slot });
  }),
  // psl's own: like `tryEval`, but a failure keeps its message (`{ success; value; message; }`), so psl can
  // report an option that does not evaluate instead of silently leaving it out. Not in real Nix.
  def("pslTryEval", 1, 0, function* (a, m) {
    const r = (yield { req: REQ_TRY, slot: a[0] as Slot, args: undefined }) as Value | typeof TRY_FAILED;
    if (r !== TRY_FAILED) return attrsOf({ success: true, value: a[0] as Slot, message: null });
    const e = m.lastCaught;
    const text = e ? diag(e.code, e.args).message : "evaluation failed";
    return attrsOf({ success: false, value: false, message: textToBytes(text) });
  }),
  def("seq", 2, 1, function* (a) {
    return peek(a[1] as Slot) ?? ((yield forceRequest(a[1] as Slot)) as Value);
  }),
  def("deepSeq", 2, 0, function* (a) {
    yield* deepForce(a[0] as Slot);
    return peek(a[1] as Slot) ?? ((yield forceRequest(a[1] as Slot)) as Value);
  }),
  def("trace", 2, 0, function* (a, m) {
    const v = peek(a[0] as Slot) ?? ((yield forceRequest(a[0] as Slot)) as Value);
    m.ctx.sink.trace(typeof v === "string" ? v : printValue(v, { forTrace: true }));
    return peek(a[1] as Slot) ?? ((yield forceRequest(a[1] as Slot)) as Value);
  }),
  def("traceVerbose", 2, 0, function* (a) {
    return peek(a[1] as Slot) ?? ((yield forceRequest(a[1] as Slot)) as Value);
  }),
  def("warn", 2, 1, function* (a, m) {
    const v = a[0] as Value;
    if (!isString(v)) throw typeError("a string", v);
    m.ctx.warn(stringOf(v), undefined);
    return peek(a[1] as Slot) ?? ((yield forceRequest(a[1] as Slot)) as Value);
  }),
  def("addErrorContext", 2, 0, function* (a) {
    return (yield { req: REQ_CONTEXT, slot: a[1] as Slot, args: [a[0] as Slot] }) as Value;
  }),
  def(
    "break",
    1,
    0,
    function* (a) {
      return peek(a[0] as Slot) ?? ((yield forceRequest(a[0] as Slot)) as Value);
    },
    true,
  ),
];
