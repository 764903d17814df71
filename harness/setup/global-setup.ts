/**
 * vitest global setup for the harness: gives the run an id shared by all workers (machines are labelled
 * with it and with this process's pid), reaps what interrupted runs left behind before anything starts,
 * and at the end removes every machine of this run and merges the compliance results into one JSON file
 * (printing the init × scenario matrix). Does nothing visible when no Docker engine answers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatMatrix, mergeResults, type ScenarioResult } from "../compliance/results.js";
import { ownerPid, runId } from "../machines/labels.js";
import { reapRun, reapStale } from "../machines/reap.js";
import { runDir } from "../paths.js";

export async function setup(): Promise<void> {
  process.env.PSL_RUN_OWNER_PID = String(ownerPid());
  runId();
  const n = await reapStale().catch(() => 0);
  if (n > 0) process.stderr.write(`harness: reaped ${n} machine(s) left by an interrupted run\n`);
}

export async function teardown(): Promise<void> {
  const id = process.env.PSL_RUN_ID;
  if (!id) return;
  await reapRun(id).catch(() => 0);
  const file = mergeResults(join(runDir(), id));
  if (file) {
    const { results } = JSON.parse(readFileSync(file, "utf8")) as { results: ScenarioResult[] };
    if (results.length > 0) {
      process.stderr.write(
        `\nharness compliance (✓ pass, ᵉ emulated, – dropped, ✗ fail): ${file}\n${formatMatrix(results)}\n`,
      );
    }
  }
}
