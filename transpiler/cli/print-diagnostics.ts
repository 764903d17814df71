/** Prints diagnostics to stderr as text (coloured on a terminal unless NO_COLOR is set), with a summary. */
import { type Diagnostic, formatDiagnostic, type SourceRegistry } from "../diagnostics/index.js";
import type { CliIO } from "./io.js";

export interface DiagnosticPrinter {
  print(diagnostics: readonly Diagnostic[]): void;
  readonly color: boolean;
}

/** Colour is used only on a terminal and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: CliIO): boolean {
  const noColor = io.env.NO_COLOR;
  return io.stderrIsTTY && (noColor === undefined || noColor === "");
}

export function createPrinter(io: CliIO, sources: SourceRegistry): DiagnosticPrinter {
  const color = useColor(io);
  return {
    color,
    print(diagnostics) {
      for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, sources, { color })}\n`);
    },
  };
}

/** `2 errors, 1 warning` (empty when there are none). */
export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const n = (sev: string) => diagnostics.filter((d) => d.severity === sev).length;
  const parts: string[] = [];
  const e = n("error");
  const w = n("warning");
  if (e) parts.push(`${e} error${e === 1 ? "" : "s"}`);
  if (w) parts.push(`${w} warning${w === 1 ? "" : "s"}`);
  return parts.join(", ");
}
