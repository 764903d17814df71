/**
 * Evaluation errors. Inside the evaluator a Nix error (`throw`, a type error, a missing attribute) is a
 * `NixError` that unwinds the machine's explicit stack (so `tryEval` and `addErrorContext` can see it);
 * it carries a diagnostic code from the eval table, the arguments of its message, where it happened, and
 * the trace frames it collected on the way out. The public API turns it into a `Diagnostic` — it never
 * escapes to users as a JavaScript exception. It deliberately does not extend `Error`: capturing a
 * JavaScript stack for every Nix error would make `tryEval`-heavy code slow.
 */
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { copySpan, type Span } from "../diagnostics/span.js";
import { formatNixFloat } from "../nix/literals.js";
import { NixAttrs, NixFloat, NixPath, NixString, showType, type Value } from "./value.js";

/** One line of a Nix-style trace: what was going on, and where. */
export interface TraceFrame {
  readonly message: string;
  readonly span: Span | undefined;
}

export class NixError {
  readonly trace: TraceFrame[] = [];
  /** Whether `tryEval` catches it (Nix: `throw`, failed assertions, and a few builtins' errors). */
  catchable: boolean;
  /** For an error in parsing an imported file: the parser's own diagnostics. */
  parseDiagnostics: readonly Diagnostic[] | undefined = undefined;
  span: Span | undefined;
  constructor(
    readonly code: DiagnosticCode,
    readonly args: Readonly<Record<string, string | number>>,
    span: Span | undefined,
  ) {
    // A syntax node may be passed as the place; the error keeps a copy, not the tree.
    this.span = span ? copySpan(span) : undefined;
    this.catchable = code === "PSL2001" || code === "PSL2003";
  }

  /** Adds a trace frame, keeping the trace bounded. */
  addTrace(message: string, span: Span | undefined): this {
    if (this.trace.length < 64) this.trace.push({ message, span: span ? copySpan(span) : undefined });
    return this;
  }

  /** A fresh copy (memoised errors are rethrown as copies, so traces do not pile up). */
  copy(): NixError {
    const e = new NixError(this.code, this.args, this.span);
    e.trace.push(...this.trace);
    e.parseDiagnostics = this.parseDiagnostics;
    e.catchable = this.catchable;
    return e;
  }
}

/** A generic evaluation error with Nix's message. */
export function evalError(message: string, span?: Span): NixError {
  return new NixError("PSL2017", { message }, span);
}

/** Nix's type error: "expected a set but found an integer: 1". */
export function typeError(expected: string, v: Value, span?: Span): NixError {
  return new NixError(
    "PSL2005",
    { message: `expected ${expected} but found ${showType(v)}: ${brief(v)}` },
    span,
  );
}

/** A short rendering of a value for error messages (Nix's `ValuePrinter` with error options). */
export function brief(v: Value, depth = 0): string {
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v === null) return "null";
  if (typeof v === "string") return quote(v);
  if (v instanceof NixString) return quote(v.s);
  if (v instanceof NixFloat) return formatNixFloat(v.value);
  if (v instanceof NixPath) return v.path;
  if (Array.isArray(v)) return depth > 0 ? "[ … ]" : `[ ${v.length > 0 ? "… " : ""}]`;
  if (v instanceof NixAttrs) return v.size === 0 ? "{ }" : "{ … }";
  return "«lambda»";
}

function quote(s: string): string {
  const cut = s.length > 60 ? `${s.slice(0, 60)}…` : s;
  return `"${cut.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n")}"`;
}
