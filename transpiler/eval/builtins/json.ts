/**
 * `toJSON` and `fromJSON`. Output is compact JSON with sorted keys; sets with `__toString` or `outPath`
 * become strings, paths are copied to the (virtual) store; floats are written the way Nix's JSON library
 * writes them (shortest round-trip digits, exponent form outside 1e-5…1e15). Input integers must fit in
 * 64 bits, `\u` escapes become UTF-8 bytes, NUL bytes are rejected. Both walk iteratively.
 */
import { isValidUtf8, textToBytes } from "../../nix/bytes.js";
import { coerceToString, INTERPOLATE } from "../coerce.js";
import type { EvalContext } from "../context.js";
import { evalError, NixError } from "../errors.js";
import {
  type Attr,
  call,
  type Effect,
  forceRequest,
  NixAttrs,
  NixFloat,
  NixPath,
  NixString,
  normInt,
  peek,
  type Slot,
  showType,
  type Value,
} from "../value.js";

/** A double as nlohmann::json prints it. */
export function jsonFloat(v: number): string {
  if (!Number.isFinite(v)) return "null";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const [mant = "0", expText = "0"] = Math.abs(v).toExponential().split("e");
  const digits = mant.replace(".", "");
  const n = Number(expText) + 1;
  const sign = v < 0 ? "-" : "";
  const k = digits.length;
  if (k <= n && n <= 15) return `${sign}${digits}${"0".repeat(n - k)}.0`;
  if (0 < n && n <= 15) return `${sign}${digits.slice(0, n)}.${digits.slice(n)}`;
  if (-4 < n && n <= 0) return `${sign}0.${"0".repeat(-n)}${digits}`;
  const e = n - 1;
  const m = k === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  const ee = String(Math.abs(e)).padStart(2, "0");
  return `${sign}${m}e${e < 0 ? "-" : "+"}${ee}`;
}

/** A JSON string literal of a byte string (bytes above 0x7f are written as they are). */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += "\\\\";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += s[i];
  }
  return `${out}"`;
}

type Work = string | { slot: Slot };

/** `builtins.toJSON`: the JSON text (a byte string) and the context of the strings in it. */
export function* toJson(root: Slot, ctx: EvalContext, context: Set<string>): Effect<string> {
  const out: string[] = [];
  const stack: Work[] = [{ slot: root }];
  let depth = 0;
  while (stack.length > 0) {
    const w = stack.pop() as Work;
    if (typeof w === "string") {
      out.push(w);
      continue;
    }
    if (++depth > ctx.settings.maxCallDepth) throw new NixError("PSL2012", {}, undefined);
    const v = peek(w.slot) ?? ((yield forceRequest(w.slot)) as Value);
    if (typeof v === "number" || typeof v === "bigint") out.push(String(v));
    else if (typeof v === "boolean") out.push(v ? "true" : "false");
    else if (v === null) out.push("null");
    else if (v instanceof NixFloat) out.push(jsonFloat(v.value));
    else if (typeof v === "string" || v instanceof NixString) {
      const s = typeof v === "string" ? v : v.s;
      if (v instanceof NixString) for (const c of v.context) context.add(c);
      if (!isValidUtf8(s)) throw evalError(`string '${s}' is not valid UTF-8`);
      out.push(jsonString(s));
    } else if (v instanceof NixPath) {
      out.push(jsonString(ctx.copyPathToStore(v.path, context, undefined)));
    } else if (Array.isArray(v)) {
      const parts: Work[] = ["["];
      v.forEach((x, i) => {
        if (i > 0) parts.push(",");
        parts.push({ slot: x });
      });
      parts.push("]");
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as Work);
    } else if (v instanceof NixAttrs) {
      const toStr = v.get("__toString");
      if (toStr !== undefined) {
        const r = yield* call(toStr, [v]);
        const s = yield* coerceToString(r, ctx, INTERPOLATE, context, undefined);
        out.push(jsonString(s));
        continue;
      }
      const outPath = v.get("outPath");
      if (outPath !== undefined) {
        stack.push({ slot: outPath });
        continue;
      }
      const parts: Work[] = ["{"];
      v.keys().forEach((k, i) => {
        if (i > 0) parts.push(",");
        parts.push(`${jsonString(k)}:`, { slot: v.get(k) as Slot });
      });
      parts.push("}");
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as Work);
    } else throw evalError(`cannot convert ${showType(v)} to JSON`);
  }
  return out.join("");
}

// ---- fromJSON ----------------------------------------------------------------------------------------

type Container = { list: Slot[] } | { attrs: Map<string, Attr>; key: string | undefined; n: number };

/** `builtins.fromJSON` over a byte string. */
export function fromJson(text: string): Value {
  let i = 0;
  const fail = (what: string): never => {
    throw evalError(`while decoding a JSON string: ${what} at offset ${i}`);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const str = (): string => {
    i++;
    let out = "";
    for (;;) {
      const c = text[i];
      if (c === undefined) return fail("unterminated string");
      if (c === '"') {
        i++;
        break;
      }
      if (c === "\\") {
        const e = text[i + 1];
        i += 2;
        if (e === "u") {
          let cp = Number.parseInt(text.slice(i, i + 4), 16);
          if (Number.isNaN(cp)) fail("invalid \\u escape");
          i += 4;
          if (cp >= 0xd800 && cp < 0xdc00 && text[i] === "\\" && text[i + 1] === "u") {
            const lo = Number.parseInt(text.slice(i + 2, i + 6), 16);
            if (lo >= 0xdc00 && lo < 0xe000) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
              i += 6;
            }
          }
          out += textToBytes(String.fromCodePoint(cp));
        } else {
          const map: Record<string, string> = {
            '"': '"',
            "\\": "\\",
            "/": "/",
            b: "\b",
            f: "\f",
            n: "\n",
            r: "\r",
            t: "\t",
          };
          const r = e === undefined ? undefined : map[e];
          if (r === undefined) fail("invalid escape");
          out += r;
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail("control character in string");
      out += c;
      i++;
    }
    if (out.includes("\0")) throw evalError("input string contains a NUL byte");
    return out;
  };
  const num = (): Value => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail("invalid number");
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) {
      const b = BigInt(m[0]);
      if (b > 9223372036854775807n || b < -9223372036854775808n) {
        throw evalError(`while decoding a JSON string: number ${m[0]} is out of range of a 64-bit integer`);
      }
      return normInt(b);
    }
    return new NixFloat(Number(m[0]));
  };
  const stack: Container[] = [];
  let result: Value | undefined;
  const put = (v: Value) => {
    const top = stack[stack.length - 1];
    if (top === undefined) result = v;
    else if ("list" in top) top.list.push(v);
    else {
      top.attrs.set(top.key as string, { value: v, pos: undefined });
      top.key = undefined;
    }
  };
  for (;;) {
    ws();
    const top = stack[stack.length - 1];
    if (top !== undefined && "attrs" in top) {
      if (text[i] === "}") {
        i++;
        stack.pop();
        put(new NixAttrs(top.attrs));
        if (stack.length === 0) break;
        continue;
      }
      if (top.n > 0) {
        if (text[i] !== ",") fail("expected ','");
        i++;
        ws();
      }
      if (text[i] !== '"') fail("expected a key");
      top.key = str();
      top.n++;
      ws();
      if (text[i] !== ":") fail("expected ':'");
      i++;
      ws();
    } else if (top !== undefined) {
      if (text[i] === "]") {
        i++;
        stack.pop();
        put(top.list);
        if (stack.length === 0) break;
        continue;
      }
      if (top.list.length > 0) {
        if (text[i] !== ",") fail("expected ','");
        i++;
        ws();
      }
    }
    const c = text[i];
    if (c === "{") {
      i++;
      stack.push({ attrs: new Map(), key: undefined, n: 0 });
      continue;
    }
    if (c === "[") {
      i++;
      stack.push({ list: [] });
      continue;
    }
    if (c === '"') put(str());
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) put(num());
    else if (text.startsWith("true", i)) {
      i += 4;
      put(true);
    } else if (text.startsWith("false", i)) {
      i += 5;
      put(false);
    } else if (text.startsWith("null", i)) {
      i += 4;
      put(null);
    } else fail("syntax error");
    if (stack.length === 0) break;
  }
  ws();
  if (i < text.length) fail("trailing characters");
  return result ?? null;
}
