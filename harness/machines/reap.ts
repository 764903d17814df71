/**
 * Reaping: removes harness containers and kills harness qemu processes. `reapStale` removes what runs
 * whose owner process is gone left behind (an interrupted run); `reapRun` removes everything of one run
 * (the end of a test run). Both are safe to call at any time and never touch anything without our labels.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { runHost } from "../process/run-host.js";
import { LABEL, VM_DIR_PREFIX, VM_PROCESS_TAG } from "./labels.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function harnessContainers(filter: string): Promise<{ id: string; owner: number }[]> {
  const r = await runHost([
    "docker",
    "ps",
    "-a",
    "--filter",
    filter,
    "--format",
    `{{.ID}} {{.Label "${LABEL.owner}"}}`,
  ]);
  if (r.exitCode !== 0) return [];
  return r.stdout
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const [id = "", owner = "0"] = l.trim().split(" ");
      return { id, owner: Number(owner) };
    });
}

async function removeContainers(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await runHost(["docker", "rm", "-f", "-v", ...ids], { timeoutMs: 120_000 });
}

/** Kills qemu processes found through `/tmp/psl-vm-*` pid files, when `shouldKill(dir)` says so. */
function reapVms(shouldKill: (dir: string, ownerAlive: boolean) => boolean): number {
  let n = 0;
  const dirs = readdirSync("/tmp").filter((d) => `/tmp/${d}`.startsWith(VM_DIR_PREFIX));
  for (const d of dirs) {
    const dir = `/tmp/${d}`;
    const pidFile = `${dir}/qemu.pid`;
    const ownerFile = `${dir}/owner.pid`;
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : 0;
    if (!shouldKill(dir, owner > 0 && alive(owner))) continue;
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, "utf8"));
      const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
      if (pid > 0 && cmdline.includes(VM_PROCESS_TAG)) {
        process.kill(pid, "SIGKILL");
        n++;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return n;
}

/** Removes machines of runs whose owner process has exited. Returns how many were reaped. */
export async function reapStale(): Promise<number> {
  const stale = (await harnessContainers(`label=${LABEL.harness}=1`)).filter((c) => !alive(c.owner));
  await removeContainers(stale.map((c) => c.id));
  return stale.length + reapVms((_dir, ownerAlive) => !ownerAlive);
}

/** Removes every machine of one run. */
export async function reapRun(run: string): Promise<number> {
  const mine = await harnessContainers(`label=${LABEL.run}=${run}`);
  await removeContainers(mine.map((c) => c.id));
  return (
    mine.length + reapVms((dir) => existsSync(`${dir}/run`) && readFileSync(`${dir}/run`, "utf8") === run)
  );
}
