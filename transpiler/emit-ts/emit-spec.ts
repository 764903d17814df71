/**
 * emit-ts: a ServiceSpec becomes an editable `services/<name>.ts` — `export default defineService({…})` with
 * the fields in schema order, multi-line text as template literals, and provenance both as trailing
 * comments (for people) and as the `provenance` table (for psl, so that loading the file gives back the
 * very same spec). Written with ts-morph's code-block writer (`code-block-writer`) (a whole ts-morph source file per spec costs
 * ten times as much and adds nothing: the output is checked by parsing and type-checking it in tests).
 */
import CodeBlockWriter from "code-block-writer";
import type { Provenance, ServiceSpec } from "../spec/schema.js";

export interface EmitOptions {
  /** Module specifier psl's API is imported from. */
  readonly importFrom?: string;
  /** Inputs named in the header comment. */
  readonly sources?: readonly string[];
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function key(k: string): string {
  return IDENT.test(k) ? k : JSON.stringify(k);
}

/** Control characters other than newline and tab (and the JS line separators) read badly in a template. */
function hasAwkwardCharacters(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c === 0x7f || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** A string literal: template literal for multi-line text, JSON string otherwise. */
function stringLiteral(s: string): string {
  if (s.includes("\n") && !hasAwkwardCharacters(s)) {
    return `\`${s.replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${")}\``;
  }
  return JSON.stringify(s);
}

function shortLocation(p: Provenance): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.pointer ? `${p.file}#${p.pointer}` : p.file;
  return p.via ? `${where} (${p.via})` : where;
}

function escapePointer(s: string): string {
  return s.replaceAll("~", "~0").replaceAll("/", "~1");
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

type JsonObject = { [k: string]: Json };

function isScalar(v: Json): v is string | number | boolean | null {
  return v === null || typeof v !== "object";
}

function isObject(v: Json): v is JsonObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function inlineValue(v: Json): string {
  if (typeof v === "string") return stringLiteral(v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(inlineValue).join(", ")}]`;
  const entries = Object.entries(v);
  return entries.length === 0
    ? "{}"
    : `{ ${entries.map(([k, x]) => `${key(k)}: ${inlineValue(x)}`).join(", ")} }`;
}

/** Whether a value is small enough to print on one line. */
function fitsInline(v: Json, indent: number): boolean {
  if (isScalar(v)) return !(typeof v === "string" && v.includes("\n"));
  const text = inlineValue(v);
  if (text.includes("\n")) return false;
  const children: Json[] = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  return text.length + indent <= 110 && !children.some((x) => isObject(x) && Object.keys(x).length > 2);
}

class Emitter {
  constructor(
    private readonly w: CodeBlockWriter,
    private readonly provenance: Record<string, Provenance>,
  ) {}

  /** The distinct places the value at `pointer` and everything under it came from. */
  private locations(pointer: string): Set<string> {
    const out = new Set<string>();
    for (const [p, prov] of Object.entries(this.provenance)) {
      if (p === pointer || p.startsWith(`${pointer}/`)) out.add(shortLocation(prov));
    }
    return out;
  }

  /** Whether everything under `pointer` came from one place (so one comment tells it all). */
  private uniform(pointer: string): boolean {
    return this.locations(pointer).size <= 1;
  }

  /** The one place everything under `pointer` came from, if there is exactly one. */
  private commentFor(pointer: string): string | undefined {
    const all = this.locations(pointer);
    return all.size === 1 ? [...all][0] : undefined;
  }

  /** Whether `v` is written on one line. */
  inline(v: Json, pointer: string, depth: number): boolean {
    return isScalar(v) || (fitsInline(v, depth * 2 + 8) && this.uniform(pointer));
  }

  /** Comments are left out below a container whose opening line already says where all of it came from. */
  private quiet = 0;

  /** Writes `value` (after `key: ` has been written); `pointer` locates it for comments. */
  value(v: Json, pointer: string, depth: number): void {
    if (this.inline(v, pointer, depth)) {
      this.w.write(inlineValue(v));
      return;
    }
    const shared = this.quiet === 0 ? this.commentFor(pointer) : undefined;
    const own = this.provenance[pointer];
    const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
    this.w.write(open);
    if (shared) this.w.write(` // ${shared}`);
    else if (this.quiet === 0 && own) this.w.write(` // ${shortLocation(own)}`);
    this.w.newLine();
    if (shared) this.quiet++;
    this.w.indent(() => {
      if (Array.isArray(v)) {
        v.forEach((item, i) => {
          this.member(undefined, item, `${pointer}/${i}`, depth + 1);
        });
      } else {
        for (const [k, x] of Object.entries(v as JsonObject))
          this.member(k, x, `${pointer}/${escapePointer(k)}`, depth + 1);
      }
    });
    if (shared) this.quiet--;
    this.w.write(close);
  }

  /** One property (`k` set) or array element, with its trailing provenance comment. */
  member(k: string | undefined, v: Json, pointer: string, depth: number): void {
    if (k !== undefined) this.w.write(`${key(k)}: `);
    const inline = this.inline(v, pointer, depth);
    this.value(v, pointer, depth);
    this.w.write(",");
    if (this.quiet === 0 && inline) {
      const comment = this.commentFor(pointer);
      if (comment) this.w.write(` // ${comment}`);
    }
    this.w.newLine();
  }
}

/** The text of `services/<name>.ts` for a spec. */
export function emitSpecSource(spec: ServiceSpec, options: EmitOptions = {}): string {
  const sources = options.sources?.length ? ` from ${options.sources.join(", ")}` : "";
  const { provenance = {}, ...body } = spec;
  const w = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: false, newLine: "\n" });
  w.writeLine(`// Service \`${spec.name}\`, translated by psl${sources}.`);
  w.writeLine(
    "// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.",
  );
  w.writeLine(
    "// Trailing comments say where each value came from; the `provenance` table keeps that for psl.",
  );
  w.writeLine(`import { defineService } from ${JSON.stringify(options.importFrom ?? "psl")};`);
  w.blankLine();
  const e = new Emitter(w, provenance);
  w.write("export default defineService({").newLine();
  w.indent(() => {
    for (const [k, v] of Object.entries(body)) e.member(k, v as Json, `/${k}`, 1);
    const entries = Object.entries(provenance);
    if (entries.length > 0) {
      w.write("provenance: {").newLine();
      w.indent(() => {
        for (const [ptr, p] of entries) w.writeLine(`${JSON.stringify(ptr)}: ${inlineValue(p as Json)},`);
      });
      w.writeLine("},");
    }
  });
  w.write("});").newLine();
  return w.toString();
}
