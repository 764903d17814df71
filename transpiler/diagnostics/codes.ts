/**
 * Every diagnostic psl can emit, in one table: stable code → severity and message template.
 * Each stage keeps its slice in its own file (`codes-<stage>.ts`) inside the range `CODE_RANGES` gives it;
 * `codes.test.ts` proves the slices are disjoint and in range. A retired code is marked, never reused.
 */
import type { CodeInfo, Stage } from "./code-info.js";
import { CLI_CODES } from "./codes-cli.js";
import { EVAL_CODES } from "./codes-eval.js";
import { FRONTEND_CODES } from "./codes-frontend.js";
import { INTERNAL_CODES } from "./codes-internal.js";
import { MODULE_CODES } from "./codes-modules.js";
import { PARSE_CODES } from "./codes-parse.js";
import { PORTABILITY_CODES } from "./codes-portability.js";
import { SPEC_CODES } from "./codes-spec.js";

/** The slices by stage; new stages register their table here. */
export const CODE_TABLES = {
  parse: PARSE_CODES,
  eval: EVAL_CODES,
  modules: MODULE_CODES,
  frontend: FRONTEND_CODES,
  spec: SPEC_CODES,
  portability: PORTABILITY_CODES,
  cli: CLI_CODES,
  internal: INTERNAL_CODES,
} as const satisfies Partial<Record<Stage, Record<string, CodeInfo>>>;

export const CODES = {
  ...PARSE_CODES,
  ...EVAL_CODES,
  ...MODULE_CODES,
  ...FRONTEND_CODES,
  ...SPEC_CODES,
  ...PORTABILITY_CODES,
  ...CLI_CODES,
  ...INTERNAL_CODES,
} as const;

export type DiagnosticCode = keyof typeof CODES;
