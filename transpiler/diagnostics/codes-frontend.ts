import type { CodeInfo } from "./code-info.js";

/** Frontends: unit files, evaluated JSON, lowering of systemd directives into a ServiceSpec (4000–4999). */
export const FRONTEND_CODES = {
  PSL4001: { severity: "error", message: "malformed JSON: {detail}" },
  PSL4002: { severity: "error", message: "expected {expected} but found {found}" },
  PSL4003: { severity: "warning", message: "unknown key `{key}` in {where}; it is ignored" },
  PSL4004: { severity: "error", message: "unit file syntax error: {detail}" },
  PSL4005: { severity: "warning", message: "assignment outside of any section is ignored: `{line}`" },
  PSL4006: {
    severity: "warning",
    message: "unknown section [{section}] in {unit}; its keys are kept as raw systemd keys",
  },
  PSL4007: {
    severity: "warning",
    message: "unknown directive `{key}=` in [{section}]; kept as a raw systemd key",
  },
  PSL4008: { severity: "error", message: "invalid value for `{key}=`: {detail}" },
  PSL4009: { severity: "error", message: "two services are named `{name}` ({first} and {second})" },
  PSL4010: { severity: "error", message: "invalid service name `{name}`: {reason}" },
  PSL4011: {
    severity: "warning",
    message: "specifier `%{specifier}` depends on the host and is kept literally",
  },
  PSL4012: { severity: "error", message: "unknown specifier `%{specifier}`" },
  PSL4013: {
    severity: "warning",
    message: "template `{name}` has no instance; instance specifiers are kept as `%{specifier}`",
  },
  PSL4014: {
    severity: "warning",
    message:
      "`{key}=` may only be given once for Type={type}; later values are kept but systemd would refuse the unit",
  },
  PSL4015: { severity: "error", message: "cannot read `{file}`: {reason}" },
  PSL4016: {
    severity: "error",
    message:
      "do not know how to read `{file}`: expected a .service/.socket/.timer unit, a drop-in directory, or .json",
  },
  PSL4017: {
    severity: "info",
    message: "{what} `{name}` is not referenced by any service and is not carried over",
  },
  PSL4018: { severity: "warning", message: "{unit} refers to {target}, which is not among the inputs" },
  PSL4019: { severity: "error", message: "unit `{name}` of type .{kind} has no service to attach to" },
  PSL4020: {
    severity: "warning",
    message: "environment variable name `{name}` is not valid; the assignment is ignored",
  },
  PSL4021: {
    severity: "warning",
    message: "the NixOS option `{option}` has no meaning outside NixOS and is recorded only",
  },
  PSL4022: {
    severity: "info",
    message: "the secret-bearing field `{field}` of user `{user}` was dropped from the input",
  },
} as const satisfies Record<string, CodeInfo>;
