/**
 * Diagnostics: user errors as data. Every stage returns `{ value, diagnostics }` and keeps going;
 * `throw` is reserved for broken invariants. A diagnostic names a code from the one table in `codes.ts`.
 */
import type { Severity } from "./code-info.js";
import { CODES, type DiagnosticCode } from "./codes.js";
import { copySpan, type Span } from "./span.js";

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Where in a source text, when the input had text. */
  readonly span?: Span;
  /** Where inside a structured value (a JSON pointer), with the file it belongs to. */
  readonly pointer?: { readonly file: string; readonly pointer: string };
  /** An already-resolved place (from a spec's provenance), when there is neither span nor pointer. */
  readonly position?: { readonly file: string; readonly line?: number; readonly column?: number };
  readonly notes: readonly string[];
  /** The target this diagnostic concerns, for generators and the report. */
  readonly target?: string;
}

/** What a stage returns: its value, and what it has to say about the input. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

export interface DiagnosticPlace {
  readonly span?: Span | undefined;
  readonly pointer?: { readonly file: string; readonly pointer: string } | undefined;
  readonly position?: { readonly file: string; readonly line?: number; readonly column?: number } | undefined;
  readonly notes?: readonly string[];
  readonly target?: string;
  /** Overrides the table's severity (e.g. `--strict` turning a warning into an error). */
  readonly severity?: Severity;
}

/** Fills a message template: `{name}` is replaced by `args.name`; unknown holes stay visible. */
export function formatMessage(template: string, args: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const v = args[name];
    return v === undefined ? hole : String(v);
  });
}

/** Builds a diagnostic from its code, the template's arguments and where it applies. */
export function diag(
  code: DiagnosticCode,
  args: Readonly<Record<string, string | number>> = {},
  place: DiagnosticPlace = {},
): Diagnostic {
  const info = CODES[code];
  const d: {
    code: DiagnosticCode;
    severity: Severity;
    message: string;
    notes: readonly string[];
    span?: Span;
    pointer?: { readonly file: string; readonly pointer: string };
    position?: { readonly file: string; readonly line?: number; readonly column?: number };
    target?: string;
  } = {
    code,
    severity: place.severity ?? info.severity,
    message: formatMessage(info.message, args),
    notes: place.notes ?? [],
  };
  if (place.span) d.span = copySpan(place.span);
  if (place.pointer) d.pointer = place.pointer;
  if (place.position) d.position = place.position;
  if (place.target !== undefined) d.target = place.target;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Collects diagnostics while a stage runs. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  addAll(ds: readonly Diagnostic[]): void {
    for (const d of ds) this.items.push(d);
  }

  report(
    code: DiagnosticCode,
    args?: Readonly<Record<string, string | number>>,
    place?: DiagnosticPlace,
  ): void {
    this.items.push(diag(code, args, place));
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}
