/**
 * `builtins.fromTOML`: a TOML 1.0 reader producing Nix values. Tables are sets, arrays lists; integers
 * (decimal, hex, octal, binary, underscores) must fit in 64 bits; dates and times are an error unless the
 * `parse-toml-timestamps` feature is on, then they are `{ _type = "timestamp"; value = …; }` with the
 * fraction of seconds padded to 3, 6 or 9 digits, as Nix's TOML library writes them. Input and strings
 * are byte strings; NUL bytes are rejected.
 */
import { textToBytes } from "../../nix/bytes.js";
import { evalError } from "../errors.js";
import { type Attr, NixAttrs, NixFloat, normInt, type Slot, type Value } from "../value.js";

type TomlTable = Map<string, TomlValue>;
type TomlValue = Value | TomlTable | TomlValue[];

const BARE = /^[A-Za-z0-9_-]$/;

export interface TomlOptions {
  readonly timestamps: boolean;
}

class TomlParser {
  i = 0;
  readonly root: TomlTable = new Map();
  /** Tables defined by a header or as values (they cannot be defined again). */
  private readonly defined = new Set<TomlTable>();
  /** Inline tables and arrays of values: closed for extension. */
  private readonly sealed = new Set<unknown>();

  constructor(
    private readonly s: string,
    private readonly opts: TomlOptions,
  ) {}

  fail(what: string): never {
    const line = this.s.slice(0, this.i).split("\n").length;
    throw evalError(`while parsing TOML: ${what} (line ${line})`);
  }

  private peek(n = 0): string {
    return this.s[this.i + n] ?? "";
  }

  private ws(): void {
    while (this.peek() === " " || this.peek() === "\t") this.i++;
  }

  /** Whitespace, comments and newlines. */
  private wsnl(): void {
    for (;;) {
      const c = this.peek();
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.i++;
      else if (c === "#") this.comment();
      else return;
    }
  }

  private comment(): void {
    while (this.i < this.s.length && this.peek() !== "\n") this.i++;
  }

  private eol(): void {
    this.ws();
    if (this.peek() === "#") this.comment();
    if (this.peek() === "\r" && this.peek(1) === "\n") this.i += 2;
    else if (this.peek() === "\n") this.i++;
    else if (this.i < this.s.length) this.fail("expected the end of the line");
  }

  parse(): TomlTable {
    let current = this.root;
    for (;;) {
      this.wsnl();
      if (this.i >= this.s.length) return this.root;
      if (this.peek() === "[") {
        const array = this.peek(1) === "[";
        this.i += array ? 2 : 1;
        this.ws();
        const key = this.key();
        this.ws();
        if (this.peek() !== "]" || (array && this.peek(1) !== "]")) this.fail("expected ']'");
        this.i += array ? 2 : 1;
        current = array ? this.arrayTable(key) : this.table(key);
        this.eol();
        continue;
      }
      const key = this.key();
      this.ws();
      if (this.peek() !== "=") this.fail("expected '='");
      this.i++;
      this.ws();
      this.assign(current, key, this.value());
      this.eol();
    }
  }

  private descend(t: TomlTable, part: string, implicit: boolean): TomlTable {
    const v = t.get(part);
    if (v === undefined) {
      const n: TomlTable = new Map();
      t.set(part, n);
      return n;
    }
    if (Array.isArray(v)) {
      if (this.sealed.has(v) || !implicit) this.fail(`key '${part}' is already defined`);
      const last = v[v.length - 1];
      if (!(last instanceof Map)) this.fail(`key '${part}' is already defined`);
      return last;
    }
    if (!(v instanceof Map) || this.sealed.has(v)) this.fail(`key '${part}' is already defined`);
    return v;
  }

  private table(key: string[]): TomlTable {
    let t = this.root;
    for (let k = 0; k < key.length - 1; k++) t = this.descend(t, key[k] as string, true);
    const last = key[key.length - 1] as string;
    const existing = t.get(last);
    if (existing instanceof Map) {
      if (this.defined.has(existing) || this.sealed.has(existing))
        this.fail(`table '${key.join(".")}' is already defined`);
      this.defined.add(existing);
      return existing;
    }
    if (existing !== undefined) this.fail(`key '${last}' is already defined`);
    const n: TomlTable = new Map();
    t.set(last, n);
    this.defined.add(n);
    return n;
  }

  private arrayTable(key: string[]): TomlTable {
    let t = this.root;
    for (let k = 0; k < key.length - 1; k++) t = this.descend(t, key[k] as string, true);
    const last = key[key.length - 1] as string;
    const existing = t.get(last);
    const n: TomlTable = new Map();
    if (existing === undefined) t.set(last, [n]);
    else if (Array.isArray(existing) && !this.sealed.has(existing)) (existing as TomlValue[]).push(n);
    else this.fail(`key '${last}' is already defined`);
    return n;
  }

  private assign(t: TomlTable, key: string[], v: TomlValue): void {
    let cur = t;
    for (let k = 0; k < key.length - 1; k++) {
      const part = key[k] as string;
      const next = cur.get(part);
      if (next !== undefined && (!(next instanceof Map) || this.defined.has(next) || this.sealed.has(next))) {
        this.fail(`key '${part}' is already defined`);
      }
      cur = this.descend(cur, part, true);
    }
    const last = key[key.length - 1] as string;
    if (cur.has(last)) this.fail(`key '${last}' is already defined`);
    cur.set(last, v);
  }

  private key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === '"') parts.push(this.basicString());
      else if (c === "'") parts.push(this.literalString());
      else {
        const start = this.i;
        while (BARE.test(this.peek())) this.i++;
        if (this.i === start) this.fail("expected a key");
        parts.push(this.s.slice(start, this.i));
      }
      this.ws();
      if (this.peek() !== ".") break;
      this.i++;
    }
    for (const p of parts) if (p.includes("\0")) this.fail("NUL byte in a key");
    return parts;
  }

  private basicString(): string {
    if (this.s.startsWith('"""', this.i)) return this.multiBasic();
    this.i++;
    let out = "";
    for (;;) {
      const c = this.peek();
      if (c === "" || c === "\n") this.fail("unterminated string");
      this.i++;
      if (c === '"') return out;
      if (c === "\\") out += this.escape();
      else out += c;
    }
  }

  private escape(): string {
    const e = this.peek();
    this.i++;
    const simple: Record<string, string> = {
      b: "\b",
      t: "\t",
      n: "\n",
      f: "\f",
      r: "\r",
      '"': '"',
      "\\": "\\",
    };
    const r = simple[e];
    if (r !== undefined) return r;
    if (e === "u" || e === "U") {
      const n = e === "u" ? 4 : 8;
      const hex = this.s.slice(this.i, this.i + n);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== n) this.fail("invalid unicode escape");
      this.i += n;
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) this.fail("invalid unicode scalar");
      return textToBytes(String.fromCodePoint(cp));
    }
    return this.fail(`invalid escape '\\${e}'`);
  }

  private multiBasic(): string {
    this.i += 3;
    if (this.peek() === "\n") this.i++;
    else if (this.peek() === "\r" && this.peek(1) === "\n") this.i += 2;
    let out = "";
    for (;;) {
      if (this.i >= this.s.length) this.fail("unterminated string");
      if (this.s.startsWith('"""', this.i)) {
        let q = 3;
        while (this.peek(q) === '"' && q < 5) q++;
        out += '"'.repeat(q - 3);
        this.i += q;
        return out;
      }
      const c = this.peek();
      this.i++;
      if (c === "\\") {
        let j = this.i;
        while (this.s[j] === " " || this.s[j] === "\t") j++;
        if (this.s[j] === "\n" || (this.s[j] === "\r" && this.s[j + 1] === "\n")) {
          this.i = j;
          while (/[ \t\r\n]/.test(this.peek())) this.i++;
          continue;
        }
        out += this.escape();
      } else out += c;
    }
  }

  private literalString(): string {
    if (this.s.startsWith("'''", this.i)) {
      this.i += 3;
      if (this.peek() === "\n") this.i++;
      else if (this.peek() === "\r" && this.peek(1) === "\n") this.i += 2;
      const end = this.s.indexOf("'''", this.i);
      if (end < 0) this.fail("unterminated string");
      let q = end + 3;
      while (this.s[q] === "'" && q < end + 5) q++;
      const out = this.s.slice(this.i, q - 3);
      this.i = q;
      return out;
    }
    this.i++;
    const end = this.s.indexOf("'", this.i);
    const nl = this.s.indexOf("\n", this.i);
    if (end < 0 || (nl >= 0 && nl < end)) this.fail("unterminated string");
    const out = this.s.slice(this.i, end);
    this.i = end + 1;
    return out;
  }

  private value(): TomlValue {
    const c = this.peek();
    if (c === '"' || c === "'") {
      const s = c === '"' ? this.basicString() : this.literalString();
      if (s.includes("\0")) this.fail("NUL byte in a string");
      return s;
    }
    if (c === "[") return this.array();
    if (c === "{") return this.inlineTable();
    if (this.s.startsWith("true", this.i) && !BARE.test(this.peek(4))) {
      this.i += 4;
      return true;
    }
    if (this.s.startsWith("false", this.i) && !BARE.test(this.peek(5))) {
      this.i += 5;
      return false;
    }
    const rest = this.s.slice(this.i, this.i + 80);
    const dt =
      /^(\d{4}-\d{2}-\d{2})([Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?/.exec(rest) ??
      /^()(()(\d{2}:\d{2}:\d{2})(\.\d+)?())/.exec(rest);
    if (dt && (dt[1] !== "" || dt[4] !== undefined)) {
      const isTimeOnly = dt[1] === "";
      const time = isTimeOnly ? dt[4] : dt[3];
      const frac = isTimeOnly ? dt[5] : dt[4];
      const off = isTimeOnly ? undefined : dt[5];
      this.i += dt[0].length;
      if (!this.opts.timestamps) this.fail("Dates and times are not supported");
      let text = isTimeOnly ? "" : (dt[1] as string);
      if (time) {
        if (!isTimeOnly) text += "T";
        text += time;
        if (frac) {
          const digits = frac.slice(1, 10);
          const width = digits.length <= 3 ? 3 : digits.length <= 6 ? 6 : 9;
          text += `.${digits.padEnd(width, "0")}`;
        }
        if (off) text += off === "z" ? "Z" : off;
      }
      const m = new Map<string, TomlValue>([
        ["_type", "timestamp"],
        ["value", text],
      ]);
      this.sealed.add(m);
      return m;
    }
    const num =
      /^[+-]?(0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|inf|nan|[0-9_]+(\.[0-9_]+)?([eE][+-]?[0-9_]+)?)/.exec(rest);
    if (!num) return this.fail("expected a value");
    this.i += num[0].length;
    const t = num[0].replace(/_/g, "");
    if (/inf|nan/.test(t)) {
      const v = t.includes("nan") ? Number.NaN : t.startsWith("-") ? -Infinity : Infinity;
      return new NixFloat(v);
    }
    if (num[2] !== undefined || num[3] !== undefined) return new NixFloat(Number(t));
    const neg = t.startsWith("-");
    const body = t.replace(/^[+-]/, "");
    let b: bigint;
    if (/^0[xob]/.test(body)) b = BigInt(body);
    else {
      if (body.length > 1 && body.startsWith("0")) this.fail("leading zeros are not allowed");
      b = BigInt(body);
    }
    if (neg) b = -b;
    if (b > 9223372036854775807n || b < -9223372036854775808n) this.fail(`integer ${num[0]} is out of range`);
    return normInt(b);
  }

  private array(): TomlValue[] {
    this.i++;
    const out: TomlValue[] = [];
    for (;;) {
      this.wsnl();
      if (this.peek() === "]") {
        this.i++;
        break;
      }
      out.push(this.value());
      this.wsnl();
      if (this.peek() === ",") {
        this.i++;
        continue;
      }
      if (this.peek() !== "]") this.fail("expected ',' or ']'");
    }
    this.sealed.add(out);
    return out;
  }

  private inlineTable(): TomlTable {
    this.i++;
    const t: TomlTable = new Map();
    this.ws();
    if (this.peek() === "}") {
      this.i++;
      this.sealed.add(t);
      return t;
    }
    for (;;) {
      this.ws();
      const key = this.key();
      this.ws();
      if (this.peek() !== "=") this.fail("expected '='");
      this.i++;
      this.ws();
      this.assign(t, key, this.value());
      this.ws();
      if (this.peek() === ",") {
        this.i++;
        continue;
      }
      if (this.peek() !== "}") this.fail("expected ',' or '}'");
      this.i++;
      break;
    }
    this.sealed.add(t);
    return t;
  }
}

function toNix(v: TomlValue): Value {
  if (v instanceof Map) {
    const m = new Map<string, Attr>();
    for (const [k, x] of v) m.set(k, { value: toNix(x), pos: undefined });
    return new NixAttrs(m);
  }
  if (Array.isArray(v)) return v.map((x) => toNix(x as TomlValue) as Slot);
  return v;
}

/** Parses TOML text (a byte string) into a Nix set. */
export function fromToml(text: string, opts: TomlOptions): Value {
  return toNix(new TomlParser(text, opts).parse());
}
