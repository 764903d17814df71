import type { CodeInfo } from "./code-info.js";

/** The command line (7000–7999). */
export const CLI_CODES = {
  PSL7001: { severity: "error", message: "unknown command `{command}`" },
  PSL7002: { severity: "error", message: "unknown option `{option}`" },
  PSL7003: { severity: "error", message: "option `{option}` needs a value" },
  PSL7004: { severity: "error", message: "{detail}" },
  PSL7005: { severity: "error", message: "`{file}` already exists; pass --force to overwrite it" },
  PSL7006: { severity: "error", message: "cannot write `{file}`: {reason}" },
  PSL7007: { severity: "error", message: "no input files given" },
  PSL7008: { severity: "error", message: "invalid value `{value}` for {option}: {reason}" },
} as const satisfies Record<string, CodeInfo>;
