import type { CodeInfo } from "./code-info.js";

/** ServiceSpec validation and loading of `.ts` specs (5000–5999). */
export const SPEC_CODES = {
  PSL5001: { severity: "error", message: "{path}: {detail}" },
  PSL5002: { severity: "error", message: "{path}: unknown field `{field}`" },
  PSL5003: { severity: "error", message: "the spec has neither a start command nor Type=oneshot" },
  PSL5004: { severity: "warning", message: "{path}: `{value}` is not an absolute path" },
  PSL5005: { severity: "error", message: "cannot load spec `{file}`: {detail}" },
  PSL5006: { severity: "error", message: "`{file}` does not `export default` a ServiceSpec" },
  PSL5007: { severity: "error", message: "{path}: environment variable name `{name}` is not valid" },
  PSL5008: { severity: "warning", message: "{path}: only Type=oneshot may have more than one start command" },
  PSL5009: { severity: "error", message: "{path}: `{value}` would escape its directory" },
} as const satisfies Record<string, CodeInfo>;
