/**
 * Nix's own stderr formats, for `psl instantiate` (runners written for `nix-instantiate` compare them):
 * `warning: … (lint-…)` followed by `at file:line:col:` and the code lines around the position with a
 * caret, `evaluation warning:` with continuation lines indented under the first, `trace: …`, and
 * `error: …`. Trailing whitespace is trimmed from every line, as in Nix's output.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceRegistry, Span } from "../diagnostics/span.js";

const LINT_NAMES: Readonly<Record<string, string>> = {
  PSL1015: "lint-url-literals",
  PSL1016: "lint-absolute-path-literals",
  PSL1017: "lint-short-path-literals",
  PSL1018: "lint-absolute-path-literals",
};

function trimLines(s: string): string {
  return s
    .split("\n")
    .map((l) => l.replace(/\s+$/, ""))
    .join("\n");
}

/** `at file:line:col:` and the surrounding code lines, each line starting with `prefix`. */
export function codeLines(span: Span, sources: SourceRegistry, prefix: string, compact = true): string {
  const text = sources.text(span.file);
  const pos = sources.position(span);
  if (text === undefined || pos === undefined) return `\n${prefix}at ${span.file}`;
  const lines = text.split("\n");
  const num = (n: number) => String(n).padStart(5, " ");
  let out = `\n${prefix}at ${span.file}:${pos.line}:${pos.column}:${compact ? "" : "\n"}`;
  const prev = lines[pos.line - 2];
  if (pos.line > 1 && prev !== undefined) out += `\n${prefix} ${num(pos.line - 1)}| ${prev}`;
  out += `\n${prefix} ${num(pos.line)}| ${lines[pos.line - 1] ?? ""}`;
  out += `\n${prefix}      |${" ".repeat(pos.column)}^`;
  const next = lines[pos.line];
  if (next !== undefined && (compact || next !== "" || pos.line + 1 < lines.length)) {
    out += `\n${prefix} ${num(pos.line + 1)}| ${next}`;
  }
  return out;
}

/** A parse-time or evaluation warning as Nix prints it. */
export function formatNixWarning(d: Diagnostic, sources: SourceRegistry): string {
  if (d.code === "PSL1013" && d.span) {
    const pos = sources.position(d.span);
    return trimLines(`warning: at ${d.span.file}:${pos?.line ?? 0}:${pos?.column ?? 0}: ${d.message}`);
  }
  if (d.code === "PSL2015") {
    if (d.message.startsWith("\n")) return trimLines(`evaluation warning:${d.message}`);
    const [first = "", ...rest] = d.message.split("\n");
    const pad = " ".repeat("evaluation warning: ".length);
    return trimLines([`evaluation warning: ${first}`, ...rest.map((l) => `${pad}${l}`)].join("\n"));
  }
  const lint = LINT_NAMES[d.code];
  const head = `${d.severity === "error" ? "error" : "warning"}: ${d.message}${lint ? ` (${lint})` : ""}`;
  return trimLines(head + (d.span ? codeLines(d.span, sources, "         ") : ""));
}

/** An error as Nix prints it: the message, a blank line, the position and the code lines, the notes. */
export function formatNixError(d: Diagnostic, sources: SourceRegistry, traceHint = false): string {
  // Continuation lines of a message are indented under its first line, as Nix does.
  let out = `error: ${d.message.replace(/\s+$/, "").split("\n").join("\n       ")}`;
  if (d.span) out += `\n${codeLines(d.span, sources, "       ", false)}`;
  for (const n of d.notes) out += n.startsWith("Did you mean") ? `\n       ${n}` : `\n\n       … ${n}`;
  if (traceHint) out += "\n(use '--show-trace' to show detailed location information)";
  return trimLines(out);
}
