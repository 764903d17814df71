/**
 * A cross-process lock for image builds, so that parallel test workers (or two developers' commands) never
 * build the same image twice or read a half-written rootfs. The lock is a directory (mkdir is atomic) with
 * the owner's pid inside; a lock whose owner is gone is stale and taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

function ownerAlive(dir: string): boolean {
  try {
    const pid = Number(readFileSync(join(dir, "pid"), "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM means the process exists but is not ours; anything else (ENOENT, ESRCH) means gone.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs `fn` while holding the lock at `path` (a directory is created there). */
export async function withBuildLock<T>(
  path: string,
  fn: () => Promise<T>,
  timeoutMs = 30 * 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let seenStaleOnce = false;
  for (;;) {
    try {
      mkdirSync(path, { recursive: false });
      writeFileSync(join(path, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (!ownerAlive(path)) {
        // The pid file may not be written yet by a live owner: only take over on the second look.
        if (seenStaleOnce) {
          rmSync(path, { recursive: true, force: true });
          seenStaleOnce = false;
          continue;
        }
        seenStaleOnce = true;
      } else {
        seenStaleOnce = false;
      }
      if (Date.now() > deadline)
        throw new Error(`harness: waited ${timeoutMs} ms for the build lock ${path}`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}
