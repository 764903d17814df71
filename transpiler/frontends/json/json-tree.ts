/**
 * A JSON parser that keeps where every value is: each node carries its span and, for numbers, the text it
 * was written as (NixOS's `toString` tells `1` from `1.0`). Errors are returned with their offset. Iterative
 * for arrays and objects, so deeply nested input cannot overflow the stack.
 */
import type { Span } from "../../diagnostics/index.js";

export type JsonNode =
  | { kind: "null"; span: Span }
  | { kind: "bool"; value: boolean; span: Span }
  | { kind: "number"; value: number; raw: string; span: Span }
  | { kind: "string"; value: string; span: Span }
  | { kind: "array"; items: JsonNode[]; span: Span }
  | { kind: "object"; entries: JsonEntry[]; span: Span };

export interface JsonEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

export type JsonParse = { ok: true; node: JsonNode } | { ok: false; error: string; offset: number };

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses `text`; never throws on malformed input. */
export function parseJsonTree(file: string, text: string): JsonParse {
  try {
    const p = new Parser(file, text);
    p.ws();
    const node = p.value();
    p.ws();
    if (p.pos < text.length) throw new JsonError("unexpected text after the JSON value", p.pos);
    return { ok: true, node };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, error: e.message, offset: e.offset };
    throw e;
  }
}

type Frame =
  | { kind: "array"; start: number; items: JsonNode[] }
  | { kind: "object"; start: number; entries: JsonEntry[]; key?: { key: string; span: Span } };

class Parser {
  pos = 0;
  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  span(start: number, end = this.pos): Span {
    return { file: this.file, start, end };
  }

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  /** Parses one value; containers are handled with an explicit stack. */
  value(): JsonNode {
    const stack: Frame[] = [];
    let result: JsonNode | undefined;
    for (;;) {
      this.ws();
      let node: JsonNode | undefined;
      const c = this.text[this.pos];
      if (c === "[") {
        stack.push({ kind: "array", start: this.pos, items: [] });
        this.pos++;
        this.ws();
        if (this.text[this.pos] === "]") {
          this.pos++;
          const f = stack.pop() as Frame & { kind: "array" };
          node = { kind: "array", items: f.items, span: this.span(f.start) };
        } else continue;
      } else if (c === "{") {
        const frame: Frame = { kind: "object", start: this.pos, entries: [] };
        stack.push(frame);
        this.pos++;
        this.ws();
        if (this.text[this.pos] === "}") {
          this.pos++;
          stack.pop();
          node = { kind: "object", entries: [], span: this.span(frame.start) };
        } else {
          frame.key = this.key();
          continue;
        }
      } else {
        node = this.scalar();
      }
      // Attach `node` to its parent, closing containers as far as possible.
      for (;;) {
        const top = stack[stack.length - 1];
        if (!top) {
          result = node;
          break;
        }
        if (top.kind === "array") top.items.push(node);
        else {
          const k = top.key as { key: string; span: Span };
          top.entries.push({ key: k.key, keySpan: k.span, value: node });
        }
        this.ws();
        const d = this.text[this.pos];
        if (d === ",") {
          this.pos++;
          if (top.kind === "object") top.key = this.key();
          node = undefined;
          break;
        }
        const close = top.kind === "array" ? "]" : "}";
        if (d !== close) throw new JsonError(`expected \`,\` or \`${close}\``, this.pos);
        this.pos++;
        stack.pop();
        node =
          top.kind === "array"
            ? { kind: "array", items: top.items, span: this.span(top.start) }
            : { kind: "object", entries: top.entries, span: this.span(top.start) };
      }
      if (result) return result;
    }
  }

  key(): { key: string; span: Span } {
    this.ws();
    if (this.text[this.pos] !== '"') throw new JsonError("expected a string key", this.pos);
    const start = this.pos;
    const key = this.string();
    const span = this.span(start);
    this.ws();
    if (this.text[this.pos] !== ":") throw new JsonError("expected `:` after a key", this.pos);
    this.pos++;
    return { key, span };
  }

  scalar(): JsonNode {
    const start = this.pos;
    const t = this.text;
    const c = t[this.pos];
    if (c === '"') {
      const value = this.string();
      return { kind: "string", value, span: this.span(start) };
    }
    if (t.startsWith("true", this.pos)) {
      this.pos += 4;
      return { kind: "bool", value: true, span: this.span(start) };
    }
    if (t.startsWith("false", this.pos)) {
      this.pos += 5;
      return { kind: "bool", value: false, span: this.span(start) };
    }
    if (t.startsWith("null", this.pos)) {
      this.pos += 4;
      return { kind: "null", span: this.span(start) };
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const found = m.exec(t);
    if (found && found[0].length > 0) {
      this.pos += found[0].length;
      return { kind: "number", value: Number(found[0]), raw: found[0], span: this.span(start) };
    }
    if (this.pos >= t.length) throw new JsonError("unexpected end of input", this.pos);
    throw new JsonError(`unexpected character \`${c}\``, this.pos);
  }

  string(): string {
    const t = this.text;
    this.pos++;
    let out = "";
    for (;;) {
      if (this.pos >= t.length) throw new JsonError("unterminated string", this.pos);
      const c = t[this.pos] as string;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === "\\") {
        const e = t[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          this.pos += 2;
          continue;
        }
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(Number.parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
          continue;
        }
        throw new JsonError("invalid escape in string", this.pos);
      }
      if (c.charCodeAt(0) < 0x20) throw new JsonError("control character in string", this.pos);
      out += c;
      this.pos++;
    }
  }
}

/** The entry for `key` of an object node (last one wins, as in JavaScript). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== "object") return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const e = node.entries[i] as JsonEntry;
    if (e.key === key) return e.value;
  }
  return undefined;
}

/** Plain JavaScript value of a node (for values psl only passes through). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case "null":
      return null;
    case "bool":
    case "number":
    case "string":
      return node.value;
    case "array":
      return node.items.map(toPlain);
    case "object":
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
  }
}
