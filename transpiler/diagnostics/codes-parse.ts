import type { CodeInfo } from "./code-info.js";

/**
 * The Nix lexer and parser (1000–1999). Messages follow Nix's own wording, so that people who know
 * `nix-instantiate` recognise them; scope errors (undefined variables) are parse errors, as in Nix.
 */
export const PARSE_CODES = {
  PSL1001: { severity: "error", message: "syntax error, {detail}" },
  PSL1002: { severity: "error", message: "invalid integer '{text}'" },
  PSL1003: { severity: "error", message: "invalid float '{text}'" },
  PSL1004: { severity: "error", message: "path has a trailing slash" },
  PSL1005: { severity: "error", message: "attribute '{name}' already defined at {where}" },
  PSL1006: { severity: "error", message: "duplicate formal function argument '{name}'" },
  PSL1007: { severity: "error", message: "dynamic attributes not allowed in let" },
  PSL1008: { severity: "error", message: "dynamic attributes not allowed in inherit" },
  PSL1009: { severity: "error", message: "undefined variable '{name}'" },
  PSL1010: {
    severity: "error",
    message:
      "experimental Nix feature 'pipe-operators' is disabled; add '--extra-experimental-features pipe-operators' to enable it",
  },
  PSL1011: { severity: "error", message: "input string contains a NUL byte" },
  PSL1012: { severity: "error", message: "expression nested too deeply (more than {limit} levels)" },
  PSL1013: {
    severity: "warning",
    message:
      "This expression uses `or` as an identifier in a way that will change in a future Nix release.\nWrap this entire expression in parentheses to preserve its current meaning:\n    {text}\nGive feedback at https://github.com/NixOS/nix/pull/11121",
  },
  PSL1014: { severity: "error", message: "the path '{path}' can not be resolved in pure mode" },
  PSL1015: {
    severity: "warning",
    message: 'URL literals are {how}. Consider using a string literal "{text}" instead',
  },
  PSL1016: {
    severity: "warning",
    message:
      "absolute path literals are not portable. Consider replacing path literal '{text}' by a string, relative path, or parameter",
  },
  PSL1017: {
    severity: "warning",
    message: "relative path literal '{text}' should be prefixed with '.' for clarity: './{text}'",
  },
  PSL1018: {
    severity: "warning",
    message:
      "home path literals are not portable. Consider replacing path literal '{text}' by a string, relative path, or parameter",
  },
} as const satisfies Record<string, CodeInfo>;
