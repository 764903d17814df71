/**
 * Reading what the probe (`harness/probe/probe.py`) recorded in a machine: one record per start (argv
 * and environment as hex bytes, identity, cwd, umask, limits) and the event log (start, ready, signal,
 * reload, exit). The probe is copied into every machine at `PROBE_PATH`.
 */
import { join } from "node:path";
import { SHARED_DIR } from "../machines/backend.js";
import type { Machine } from "../machines/machine.js";
import { repoRoot } from "../paths.js";
import { shellQuote } from "../process/shell-quote.js";

export const PROBE_PATH = "/usr/lib/psl-probe/probe.py";
export const PROBE_SOURCE = () => join(repoRoot(), "harness", "probe", "probe.py");

export interface ProbeStart {
  readonly pid: number;
  readonly ppid: number;
  readonly time: number;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
  readonly user: string;
  readonly group: string;
  readonly groupNames: readonly string[];
  readonly cwd: string;
  readonly umask: string;
  readonly limits: Readonly<Record<string, readonly [number, number]>>;
  /** Whether the process $MAINPID named was alive (null without $MAINPID). */
  readonly mainpidAlive: boolean | null;
}

export interface ProbeEvent {
  readonly event: "start" | "ready" | "signal" | "reload" | "exit";
  readonly pid: number;
  readonly time: number;
  readonly signal?: string;
  readonly code?: number;
}

export interface ProbeRecord {
  readonly starts: readonly ProbeStart[];
  readonly events: readonly ProbeEvent[];
}

/** Copies the probe into the machine. */
export async function installProbe(m: Machine): Promise<void> {
  await m.succeed(
    `mkdir -p ${shellQuote(PROBE_PATH.replace(/\/[^/]+$/, ""))} ${SHARED_DIR} && chmod 1777 ${SHARED_DIR}`,
  );
  await m.copyFromHost(PROBE_SOURCE(), PROBE_PATH);
  await m.succeed(`chmod 755 ${PROBE_PATH}`);
}

/** The argv that runs the probe under `name`, with extra arguments. */
export function probeArgv(name: string, ...args: string[]): string[] {
  return ["/usr/bin/python3", PROBE_PATH, "--psl-name", name, ...args];
}

export async function readProbe(m: Machine, name: string): Promise<ProbeRecord> {
  const dir = `${SHARED_DIR}/${name}`;
  const out = await m.succeed(
    `for f in ${dir}/start-*.json; do [ -f "$f" ] && cat "$f" && echo; done; echo '--- events'; cat ${dir}/events.jsonl 2>/dev/null; true`,
    { timeout: 30 },
  );
  const [startText = "", eventText = ""] = out.split("--- events\n");
  const parse = <T>(text: string): T[] =>
    text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as T);
  const starts = parse<ProbeStart>(startText).sort((a, b) => a.time - b.time);
  return { starts, events: parse<ProbeEvent>(eventText) };
}

/** Forgets what the probe recorded under `name`. */
export async function clearProbe(m: Machine, name: string): Promise<void> {
  await m.succeed(`rm -rf ${SHARED_DIR}/${shellQuote(name)}`);
}

/** Polls until the probe under `name` has started at least `n` times; returns the record. */
export async function waitForStarts(
  m: Machine,
  name: string,
  n: number,
  timeoutSec = 30,
): Promise<ProbeRecord> {
  let last: ProbeRecord = { starts: [], events: [] };
  await m.waitFor(
    {
      description: `probe ${name} to have started ${n} time(s)`,
      check: async () => {
        last = await readProbe(m, name);
        return {
          ok: last.starts.length >= n,
          seen: `${last.starts.length} start(s), pids ${last.starts.map((s) => s.pid).join(", ") || "none"}`,
        };
      },
    },
    { timeout: timeoutSec },
  );
  return last;
}

/** Polls until the probe under `name` has logged an event matching `pred`. */
export async function waitForEvent(
  m: Machine,
  name: string,
  description: string,
  pred: (e: ProbeEvent) => boolean,
  timeoutSec = 30,
): Promise<ProbeRecord> {
  let last: ProbeRecord = { starts: [], events: [] };
  await m.waitFor(
    {
      description: `probe ${name} to record ${description}`,
      check: async () => {
        last = await readProbe(m, name);
        return {
          ok: last.events.some(pred),
          seen: last.events.map((e) => e.event + (e.signal ? `:${e.signal}` : "")).join(", ") || "no events",
        };
      },
    },
    { timeout: timeoutSec },
  );
  return last;
}

export const hexOf = (s: string) => Buffer.from(s, "utf8").toString("hex");
export const textOf = (hex: string) => Buffer.from(hex, "hex").toString("utf8");

/** The environment of a start, decoded. */
export function envOf(start: ProbeStart): Record<string, string> {
  return Object.fromEntries(Object.entries(start.env).map(([k, v]) => [textOf(k), textOf(v)]));
}
