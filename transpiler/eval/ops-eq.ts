/**
 * Equality (`==`) with Nix's rules: integers and floats compare numerically with each other; strings by
 * their bytes (context ignored); lists and sets element by element; two derivations by their `outPath`;
 * functions are never equal — except that a list element or attribute that is the very same slot on both
 * sides is equal without looking (Nix compares value pointers first). The comparison walks with its own
 * work list, forcing through the machine, so deep structures do not use the JavaScript stack.
 */
import {
  type Effect,
  forceRequest,
  NixAttrs,
  NixFloat,
  NixPath,
  NixString,
  peek,
  type Slot,
  type Value,
} from "./value.js";

/** Equality of two primitives, or undefined when it needs a deeper look. */
export function quickEq(a: Value, b: Value): boolean | undefined {
  const ta = typeof a;
  if (ta === "string" && typeof b === "string") return a === b;
  if (ta === "number" && typeof b === "number") return a === b;
  if (ta === "boolean" || a === null || typeof b === "boolean" || b === null) return a === b;
  if (ta === "object" || ta === "bigint" || typeof b === "object" || typeof b === "bigint") return undefined;
  return a === b;
}

function* isDerivation(v: NixAttrs): Effect<boolean> {
  const t = v.get("type");
  if (t === undefined) return false;
  const tv = peek(t) ?? ((yield forceRequest(t)) as Value);
  return (
    (typeof tv === "string" && tv === "derivation") || (tv instanceof NixString && tv.s === "derivation")
  );
}

function str(v: Value): string | undefined {
  if (typeof v === "string") return v;
  if (v instanceof NixString) return v.s;
  return undefined;
}

/** Deep equality of two forced values. */
export function* eqValuesEffect(a: Value, b: Value): Effect<boolean> {
  const work: [Slot, Slot][] = [];
  let first = true;
  let x: Slot = a;
  let y: Slot = b;
  for (;;) {
    if (!first && x === y) {
      // The same slot on both sides: equal once forced.
      peek(x) ?? ((yield forceRequest(x)) as Value);
    } else {
      const va = peek(x) ?? ((yield forceRequest(x)) as Value);
      const vb = peek(y) ?? ((yield forceRequest(y)) as Value);
      if (!(yield* eqShallow(va, vb, work))) return false;
    }
    first = false;
    const next = work.pop();
    if (next === undefined) return true;
    [x, y] = next;
  }
}

/** Compares two forced values at the top; pushes element pairs to compare onto `work`. */
function* eqShallow(va: Value, vb: Value, work: [Slot, Slot][]): Effect<boolean> {
  if (typeof va === "number" || typeof va === "bigint") {
    if (typeof vb === "number" || typeof vb === "bigint") return va === vb || BigInt(va) === BigInt(vb);
    if (vb instanceof NixFloat) return Number(va) === vb.value;
    return false;
  }
  if (va instanceof NixFloat) {
    if (vb instanceof NixFloat) return va.value === vb.value;
    if (typeof vb === "number" || typeof vb === "bigint") return va.value === Number(vb);
    return false;
  }
  const sa = str(va);
  if (sa !== undefined) return sa === str(vb);
  if (typeof va === "boolean" || va === null) return va === vb;
  if (va instanceof NixPath) return vb instanceof NixPath && va.path === vb.path;
  if (Array.isArray(va)) {
    if (!Array.isArray(vb) || va.length !== vb.length) return false;
    for (let i = va.length - 1; i >= 0; i--) work.push([va[i] as Slot, vb[i] as Slot]);
    return true;
  }
  if (va instanceof NixAttrs) {
    if (!(vb instanceof NixAttrs)) return false;
    if ((yield* isDerivation(va)) && (yield* isDerivation(vb))) {
      const oa = va.get("outPath");
      const ob = vb.get("outPath");
      if (oa !== undefined && ob !== undefined) {
        work.push([oa, ob]);
        return true;
      }
    }
    if (va.size !== vb.size) return false;
    const ka = va.keys();
    const kb = vb.keys();
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return false;
    for (let i = ka.length - 1; i >= 0; i--) {
      const k = ka[i] as string;
      work.push([va.get(k) as Slot, vb.get(k) as Slot]);
    }
    return true;
  }
  return false;
}
