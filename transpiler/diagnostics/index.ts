export type { CodeInfo, Severity, Stage } from "./code-info.js";
export { CODE_RANGES } from "./code-info.js";
export { CODE_TABLES, CODES, type DiagnosticCode } from "./codes.js";
export {
  type Diagnostic,
  DiagnosticBag,
  type DiagnosticPlace,
  diag,
  formatMessage,
  hasErrors,
  type Result,
} from "./diagnostic.js";
export {
  type FormatOptions,
  formatDiagnostic,
  formatLocation,
  type JsonDiagnostic,
  toJsonDiagnostic,
} from "./format.js";
export { copySpan, LineMap, type Position, SourceRegistry, type Span } from "./span.js";
