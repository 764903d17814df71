/** The shape of one entry of the diagnostic table: severity and a message template with `{name}` holes. */

export type Severity = "error" | "warning" | "info";

export interface CodeInfo {
  readonly severity: Severity;
  /** Message template; `{key}` is replaced by the argument of that name. */
  readonly message: string;
  /** A retired code stays in the table so that it is never reused. */
  readonly retired?: true;
}

/** Code ranges by pipeline stage. A stage's table holds only codes inside its range. */
export const CODE_RANGES = {
  parse: [1000, 1999],
  eval: [2000, 2999],
  modules: [3000, 3999],
  frontend: [4000, 4999],
  spec: [5000, 5999],
  portability: [6000, 6999],
  cli: [7000, 7999],
  harness: [8000, 8999],
  internal: [9000, 9999],
} as const satisfies Record<string, readonly [number, number]>;

export type Stage = keyof typeof CODE_RANGES;
