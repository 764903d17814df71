/**
 * Printing values as `nix-instantiate --eval` does (Nix's `printAmbiguous`): sets with sorted, bare or
 * quoted names, lists, escaped strings, floats as C++ prints them, `<LAMBDA>`, `<PRIMOP>`,
 * `<PRIMOP-APP>`, unevaluated parts as `<CODE>`, and `«repeated»` for a non-empty set or list printed
 * before. The trace form (`builtins.trace`) shows thunks as `«thunk»` and running ones as
 * `«potential infinite recursion»`. Iterative, so deep values print without the JavaScript stack.
 */
import { textToBytes } from "../nix/bytes.js";
import { formatNixFloat, printIdentifier, printLiteralString } from "../nix/literals.js";
import {
  DONE,
  NixAttrs,
  NixFloat,
  NixLambda,
  NixPath,
  NixPrimOp,
  NixString,
  RUNNING,
  type Slot,
  Thunk,
  type Value,
} from "./value.js";

export interface PrintOptions {
  /** `builtins.trace` style. */
  readonly forTrace?: boolean;
}

/** A value to print; `top` marks the root, whose list identity is its own (Nix compares value cells). */
type Item = string | { slot: Slot; top?: true };

// Markers are text; the printed form is a byte string, so they are stored as their UTF-8 bytes.
const REPEATED = textToBytes("«repeated»");
const THUNK = textToBytes("«thunk»");
const RECURSION = textToBytes("«potential infinite recursion»");
const LAMBDA = textToBytes("«lambda»");

/** The printed form of a value (a byte string). Unforced parts print as placeholders. */
export function printValue(root: Slot, options: PrintOptions = {}): string {
  const out: string[] = [];
  const seen = new Set<object>();
  const stack: Item[] = [{ slot: root, top: true }];
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    let v: Value;
    const s = item.slot;
    if (s instanceof Thunk) {
      if (s.state !== DONE) {
        out.push(options.forTrace ? (s.state === RUNNING ? RECURSION : THUNK) : "<CODE>");
        continue;
      }
      v = s.value as Value;
    } else v = s;
    if (typeof v === "number" || typeof v === "bigint") out.push(String(v));
    else if (typeof v === "boolean") out.push(v ? "true" : "false");
    else if (v === null) out.push("null");
    else if (typeof v === "string") out.push(printLiteralString(v));
    else if (v instanceof NixString) out.push(printLiteralString(v.s));
    else if (v instanceof NixFloat) out.push(formatNixFloat(v.value));
    else if (v instanceof NixPath) out.push(v.path);
    else if (Array.isArray(v)) {
      // Lists are "the same" when they sit in the same cell (a thunk), as Nix compares `Value *`s.
      const key: object = item.top ? {} : s instanceof Thunk ? s : v;
      if (v.length > 0 && seen.has(key)) {
        out.push(REPEATED);
        continue;
      }
      seen.add(key);
      const parts: Item[] = ["[ "];
      for (const el of v) parts.push({ slot: el }, " ");
      parts.push("]");
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as Item);
    } else if (v instanceof NixAttrs) {
      if (v.size > 0 && seen.has(v)) {
        out.push(REPEATED);
        continue;
      }
      seen.add(v);
      const parts: Item[] = ["{ "];
      for (const k of v.keys()) parts.push(`${printIdentifier(k)} = `, { slot: v.get(k) as Slot }, "; ");
      parts.push("}");
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as Item);
    } else if (v instanceof NixLambda) out.push(options.forTrace ? LAMBDA : "<LAMBDA>");
    else if (v instanceof NixPrimOp)
      out.push(options.forTrace ? textToBytes(`«primop ${v.name}»`) : "<PRIMOP>");
    else out.push(options.forTrace ? textToBytes("«partially applied primop»") : "<PRIMOP-APP>");
  }
  return out.join("");
}
