/**
 * The test driver's globals: machines are made with `containerMachine` / `vmMachine` and registered, so
 * `startAll` boots them together and `stopAll` ends them (and saves their logs); `subtest` names a step
 * and, when it fails, appends the machines' logs to the error; `retry` polls a predicate with a timeout.
 */
import { join } from "node:path";
import { type InitName, RECIPES } from "../../vm-images/index.js";
import { runDir } from "../paths.js";
import { formatSeconds } from "../process/process-result.js";
import { vmBackend } from "../vm/vm-backend.js";
import { containerBackend } from "./container-backend.js";
import { runId } from "./labels.js";
import { Machine } from "./machine.js";

const machines: Machine[] = [];

function machineRunDir(): string {
  return join(runDir(), runId());
}

/** A container machine running `init` as PID 1 (not started yet). */
export function containerMachine(init: InitName, name = `${init}-${machines.length + 1}`): Machine {
  const m = new Machine({ name, init, backend: containerBackend(RECIPES[init]), runDir: machineRunDir() });
  machines.push(m);
  return m;
}

/** A qemu machine booting the init's VM disk (not started yet). */
export function vmMachine(init: InitName, name = `vm-${init}-${machines.length + 1}`): Machine {
  const m = new Machine({ name, init, backend: vmBackend(RECIPES[init]), runDir: machineRunDir() });
  machines.push(m);
  return m;
}

/** Starts every registered machine that is not up, in parallel. */
export async function startAll(): Promise<void> {
  await Promise.all(machines.filter((m) => !m.isUp).map((m) => m.start()));
}

/** Ends every registered machine (logs saved first), and forgets them. */
export async function stopAll(): Promise<void> {
  const all = machines.splice(0);
  await Promise.all(
    all.map(async (m) => {
      await m.saveLogs().catch(() => "");
      await m.crash();
    }),
  );
}

/**
 * Runs a named step. On failure the error message gets the step's name and the logs of `units` on the
 * given machines (the init's log and each unit's journal), which are also written to the log directory.
 */
export async function subtest<T>(
  name: string,
  fn: () => Promise<T>,
  logsFrom: { machines?: readonly Machine[]; units?: readonly string[] } = {},
): Promise<T> {
  const t0 = performance.now();
  try {
    const r = await fn();
    for (const m of logsFrom.machines ?? [])
      m.log(`subtest "${name}" passed in ${formatSeconds(performance.now() - t0)}`);
    return r;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const logs: string[] = [];
    for (const m of logsFrom.machines ?? []) {
      if (!m.isUp) continue;
      const text = await m
        .saveLogs(logsFrom.units ?? [])
        .catch((err: unknown) => `(logs unavailable: ${String(err)})`);
      logs.push(`=== logs of ${m.name} (kept in ${m.logDir}) ===\n${tailLines(text, 120)}`);
    }
    const err = new Error(`subtest "${name}" failed: ${message}${logs.length ? `\n${logs.join("\n")}` : ""}`);
    err.stack = e instanceof Error ? `${err.message}\n${e.stack ?? ""}` : err.message;
    throw err;
  }
}

function tailLines(text: string, n: number): string {
  return text.trimEnd().split("\n").slice(-n).join("\n");
}

/** Calls `fn` every `intervalMs` until it returns true; after the timeout, one last try, then throws. */
export async function retry(
  fn: (lastTry: boolean) => Promise<boolean>,
  options: { timeout?: number; intervalMs?: number; description?: string } = {},
): Promise<void> {
  const timeout = options.timeout ?? 900;
  const deadline = Date.now() + timeout * 1000;
  while (Date.now() < deadline) {
    if (await fn(false)) return;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 1000));
  }
  if (await fn(true)) return;
  throw new Error(
    `retry: ${options.description ?? "condition"} not met after ${formatSeconds(timeout * 1000)}`,
  );
}
