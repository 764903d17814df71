import type { CodeInfo } from "./code-info.js";

/** NixOS modules evaluated in isolation (3000–3999). */
export const MODULE_CODES = {
  PSL3001: {
    severity: "info",
    message: "the module sets `{option}`, a system aspect psl does not carry over",
  },
  PSL3002: { severity: "error", message: "a NixOS assertion failed: {message}" },
  PSL3003: { severity: "warning", message: "NixOS warning: {message}" },
  PSL3004: { severity: "error", message: "invalid setting `{setting}`: {reason}" },
  PSL3006: { severity: "error", message: "`{option}` does not evaluate: {message}" },
  PSL3007: {
    severity: "warning",
    message: "`{option}` is not declared in isolation; `{field}` holds an opaque placeholder for it",
  },
  PSL3008: {
    severity: "warning",
    message: "`{option}` is not set; psl assumed NixOS's default `{value}`, which `{field}` holds",
  },
  PSL3005: {
    severity: "error",
    message: "`{path}` is not a nixpkgs checkout: it has no lib/default.nix",
  },
} as const satisfies Record<string, CodeInfo>;
