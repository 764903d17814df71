/**
 * The benchmark contract. A benchmark measures psl against a reference run in the same process or the same
 * command (these machines are noisy), and reports ratios, never absolute claims.
 */
export interface BenchResult {
  readonly name: string;
  /** Human-readable lines: what was measured, figures, and the ratio to the reference. */
  readonly lines: readonly string[];
}

export interface Bench {
  readonly name: string;
  /** A short name for `npm run bench -- <id>` (the file's name without `.bench.ts`). */
  readonly id?: string;
  /** Skip reason when a prerequisite (e.g. nix-instantiate) is missing; printed instead of results. */
  skip?(): string | undefined;
  run(): Promise<BenchResult>;
}
