/**
 * Labels that mark everything the harness starts, so that it can always be found and reaped: every
 * container carries `org.psl.harness=1`, the run id and the pid of the process that owns the run; every
 * qemu process runs with `-name psl-vm-…` and a pid file under `/tmp/psl-vm-*`. A run whose owner is gone
 * is stale, and the next start removes what it left.
 */
import { randomBytes } from "node:crypto";

export const LABEL = {
  harness: "org.psl.harness",
  run: "org.psl.run",
  owner: "org.psl.owner-pid",
  machine: "org.psl.machine",
} as const;

/** The id of this test run: shared by the vitest workers (set by the global setup), else made here. */
export function runId(): string {
  if (!process.env.PSL_RUN_ID)
    process.env.PSL_RUN_ID = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  return process.env.PSL_RUN_ID;
}

/** The pid whose death makes this run's machines stale. */
export function ownerPid(): number {
  const env = Number(process.env.PSL_RUN_OWNER_PID);
  return Number.isInteger(env) && env > 0 ? env : process.pid;
}

export function machineLabels(machine: string): Record<string, string> {
  return {
    [LABEL.harness]: "1",
    [LABEL.run]: runId(),
    [LABEL.owner]: String(ownerPid()),
    [LABEL.machine]: machine,
  };
}

/** The directory prefix of VM scratch directories; the reaper scans `/tmp/psl-vm-*`. */
export const VM_DIR_PREFIX = "/tmp/psl-vm-";
/** qemu's `-name` for harness VMs starts with this, so a pid file is only trusted when it matches. */
export const VM_PROCESS_TAG = "psl-vm";
