import type { CodeInfo } from "./code-info.js";

/** Broken invariants caught at the edge, so that a bug in psl still ends in a diagnostic (9000–9999). */
export const INTERNAL_CODES = {
  PSL9001: { severity: "error", message: "internal error: {detail}" },
} as const satisfies Record<string, CodeInfo>;
