/**
 * The edge where diagnostics meet people and machines: text with `file:line:col`, optional colour,
 * and a JSON form with positions resolved.
 */
import type { Diagnostic } from "./diagnostic.js";
import type { SourceRegistry } from "./span.js";

export interface FormatOptions {
  readonly color: boolean;
}

const COLORS = {
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
  reset: "\x1b[0m",
  bold: "\x1b[1m",
};

/** `file:line:col` (or `file#/pointer`) for a diagnostic, or undefined when it has no location. */
export function formatLocation(d: Diagnostic, sources: SourceRegistry): string | undefined {
  if (d.span) {
    const pos = sources.position(d.span);
    return pos ? `${d.span.file}:${pos.line}:${pos.column}` : d.span.file;
  }
  if (d.pointer) return `${d.pointer.file}#${d.pointer.pointer}`;
  if (d.position) {
    const { file, line, column } = d.position;
    return line === undefined ? file : `${file}:${line}${column === undefined ? "" : `:${column}`}`;
  }
  return undefined;
}

/** One diagnostic as text: `file:3:7: error PSL4008: message`, then indented notes. */
export function formatDiagnostic(d: Diagnostic, sources: SourceRegistry, options: FormatOptions): string {
  const loc = formatLocation(d, sources);
  const sev = options.color ? `${COLORS[d.severity]}${d.severity}${COLORS.reset}` : d.severity;
  const target = d.target ? ` [${d.target}]` : "";
  const head = `${loc ? `${loc}: ` : ""}${sev} ${d.code}${target}: ${d.message}`;
  return [head, ...d.notes.map((n) => `  note: ${n}`)].join("\n");
}

/** The machine-readable form written to `diagnostics.json` and printed by `--json`. */
export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
  target?: string;
  notes: string[];
}

export function toJsonDiagnostic(d: Diagnostic, sources: SourceRegistry): JsonDiagnostic {
  const out: JsonDiagnostic = { code: d.code, severity: d.severity, message: d.message, notes: [...d.notes] };
  if (d.span) {
    out.file = d.span.file;
    const pos = sources.position(d.span);
    if (pos) {
      out.line = pos.line;
      out.column = pos.column;
    }
  } else if (d.pointer) {
    out.file = d.pointer.file;
    out.pointer = d.pointer.pointer;
  } else if (d.position) {
    out.file = d.position.file;
    if (d.position.line !== undefined) out.line = d.position.line;
    if (d.position.column !== undefined) out.column = d.position.column;
  }
  if (d.target !== undefined) out.target = d.target;
  return out;
}
