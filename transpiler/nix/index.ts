/**
 * The Nix front end: lexing, parsing (with Nix's desugarings and attribute merging), static scope
 * resolution, and the `--parse` printer. `transpiler/eval/` evaluates the trees built here.
 */
export type * from "./ast.js";
export { arrayOfBytes, bytesOfArray, bytesToText, isValidUtf8, textToBytes } from "./bytes.js";
export { baseOfPath, canonPath, dirOfPath } from "./canon-path.js";
export { formatNixFloat, printIdentifier, printLiteralString } from "./literals.js";
export {
  DEFAULT_MAX_DEPTH,
  type LintLevel,
  type NixLints,
  type ParseOptions,
  type ParseResult,
  parseNix,
} from "./parser.js";
export { printExpr } from "./printer.js";
export { resolveScopes, type StaticEnv, staticEnv } from "./scope.js";
