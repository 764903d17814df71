import type { CodeInfo } from "./code-info.js";

/** Generators, the capability table and the portability report (6000–6999). */
export const PORTABILITY_CODES = {
  PSL6001: {
    severity: "warning",
    message: "`{service}` loses security protections on {target}: {features}",
  },
  PSL6002: { severity: "error", message: "`{name}` cannot be a service name on {target}: {reason}" },
  PSL6003: { severity: "error", message: "`{name}` cannot be a user or group name: {reason}" },
  PSL6004: {
    severity: "warning",
    message: "package `{package}` has no host mapping; its store path `{path}` is kept",
  },
  PSL6005: { severity: "error", message: "`{service}`: {what} cannot be written for {target}: {reason}" },
  PSL6006: {
    severity: "warning",
    message: "`{service}`: calendar `{calendar}` cannot be emulated on {target}; the timer does not run it",
  },
  PSL6007: {
    severity: "warning",
    message: "`{service}` is a template; {target} gets no files for it (instantiate it with --instance)",
  },
  PSL6008: {
    severity: "info",
    message: "`{service}`: `{unit}` is neither a generated service nor a facility of {target}; not carried",
  },
  PSL6009: { severity: "warning", message: "`{service}`: tmpfiles rule `{rule}` is not applied on {target}" },
  PSL6010: {
    severity: "error",
    message: "`{service}`: path `{path}` is not absolute or escapes its directory",
  },
  PSL6011: {
    severity: "warning",
    message:
      "`{service}`: `{path}` comes from the store path `{source}` and has no text; it is not installed",
  },
  PSL6012: { severity: "error", message: "unknown target `{target}`; known targets: {targets}" },
  PSL6013: { severity: "error", message: "cannot read the package map `{file}`: {reason}" },
  PSL6014: {
    severity: "warning",
    message:
      "`{service}`: {count} dependency cycle(s) among {units}; the start order breaks them arbitrarily",
  },
} as const satisfies Record<string, CodeInfo>;
