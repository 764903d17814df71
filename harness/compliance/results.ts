/**
 * Compliance results as JSON: one entry per (init × scenario) with the expected capability, the outcome,
 * the duration, where the logs are, and how the probe's facts compared with systemd's. Each suite writes
 * `<runDir>/compliance/<machine kind>-<init>.json`; `mergeResults` gathers them into `results.json`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { InitName } from "../../vm-images/index.js";
import type { ExpectedStatus } from "./generator-source.js";

/**
 * - `pass`: the scenario passed and the table says native or emulated;
 * - `fail`: it failed although the table says native or emulated (the suite fails);
 * - `dropped`: the table says dropped and the scenario indeed did not pass (reported);
 * - `dropped-but-passed`: the table says dropped, yet the scenario passed (the table is too pessimistic).
 */
export type Outcome = "pass" | "fail" | "dropped" | "dropped-but-passed";

export interface ScenarioResult {
  readonly init: InitName;
  readonly machine: "container" | "vm";
  readonly scenario: string;
  readonly expected: ExpectedStatus;
  readonly note?: string;
  readonly outcome: Outcome;
  readonly durationMs: number;
  readonly logs: string;
  readonly error?: string;
  /** `same`, `differs: …`, or `n/a` (systemd itself, or either side did not pass). */
  readonly differential: string;
}

export function outcomeOf(expected: ExpectedStatus, passed: boolean): Outcome {
  if (expected === "dropped") return passed ? "dropped-but-passed" : "dropped";
  return passed ? "pass" : "fail";
}

export function resultsDir(runDir: string): string {
  return join(runDir, "compliance");
}

export function writeSuiteResults(
  runDir: string,
  kind: string,
  init: string,
  results: readonly ScenarioResult[],
): string {
  const dir = resultsDir(runDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${kind}-${init}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/** Gathers every suite's results into `results.json` (sorted by init, then scenario); returns its path. */
export function mergeResults(runDir: string): string | undefined {
  const dir = resultsDir(runDir);
  if (!existsSync(dir)) return undefined;
  const all: ScenarioResult[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "results.json")) {
    all.push(...(JSON.parse(readFileSync(join(dir, f), "utf8")) as ScenarioResult[]));
  }
  all.sort((a, b) =>
    `${a.machine}/${a.init}/${a.scenario}`.localeCompare(`${b.machine}/${b.init}/${b.scenario}`),
  );
  const file = join(dir, "results.json");
  writeFileSync(file, `${JSON.stringify({ generated: new Date().toISOString(), results: all }, null, 2)}\n`);
  return file;
}

/** A text matrix (init rows × scenario columns) for logs and the README. */
export function formatMatrix(results: readonly ScenarioResult[]): string {
  const scenarios = [...new Set(results.map((r) => r.scenario))];
  const inits = [...new Set(results.map((r) => `${r.machine === "vm" ? "vm:" : ""}${r.init}`))];
  const mark: Record<Outcome, string> = { pass: "✓", fail: "✗", dropped: "–", "dropped-but-passed": "✓?" };
  const lines = [`| init | ${scenarios.join(" | ")} |`, `|---|${scenarios.map(() => "---").join("|")}|`];
  for (const i of inits) {
    const cells = scenarios.map((s) => {
      const r = results.find((x) => `${x.machine === "vm" ? "vm:" : ""}${x.init}` === i && x.scenario === s);
      return r ? `${mark[r.outcome]}${r.expected === "emulated" && r.outcome === "pass" ? "ᵉ" : ""}` : " ";
    });
    lines.push(`| ${i} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
