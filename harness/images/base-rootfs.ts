/**
 * The common base of every image: `debootstrap --variant=minbase bookworm` plus the tools the harness
 * relies on inside machines (python3 for the probe, curl, procps). Built once per key into the cache as a
 * directory (apt lists kept, so images can install on top) and reused by every container image and VM disk.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, repoRoot } from "../paths.js";
import { runHostOk } from "../process/run-host.js";
import { withBuildLock } from "./build-lock.js";
import { BUILDER_VERSION, contentHash, shortHash } from "./recipe-hash.js";

export const BASE = {
  suite: "bookworm",
  variant: "minbase",
  arch: "amd64",
  tools: ["python3", "curl", "procps"],
} as const;

export function debianMirror(): string {
  return process.env.PSL_DEBIAN_MIRROR ?? "http://deb.debian.org/debian";
}

export interface BaseRootfs {
  readonly key: string;
  readonly dir: string;
  readonly cached: boolean;
  readonly durationMs: number;
}

export function baseKey(): string {
  return contentHash([BUILDER_VERSION, BASE.suite, BASE.variant, BASE.arch, debianMirror(), ...BASE.tools]);
}

export function chrootBuildScript(): string {
  return join(repoRoot(), "harness", "images", "chroot-build.sh");
}

/** Returns the base rootfs directory, building it under a lock when it is missing. */
export async function ensureBaseRootfs(log: (line: string) => void = () => {}): Promise<BaseRootfs> {
  const key = baseKey();
  const home = join(cacheDir(), `base-${shortHash(key)}`);
  const dir = join(home, "rootfs");
  const done = join(home, "complete");
  if (existsSync(done)) return { key, dir, cached: true, durationMs: 0 };
  mkdirSync(cacheDir(), { recursive: true });
  return withBuildLock(join(cacheDir(), `lock-base-${shortHash(key)}`), async () => {
    if (existsSync(done)) return { key, dir, cached: true, durationMs: 0 };
    const t0 = performance.now();
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    log(`debootstrap ${BASE.variant} ${BASE.suite} → ${dir}`);
    await runHostOk(
      ["debootstrap", `--variant=${BASE.variant}`, `--arch=${BASE.arch}`, BASE.suite, dir, debianMirror()],
      {
        timeoutMs: 15 * 60_000,
      },
    );
    log(`installing tools: ${BASE.tools.join(" ")}`);
    await runHostOk(["bash", "-c", `chroot "$1" apt-get update -q`, "update", dir], {
      timeoutMs: 5 * 60_000,
    });
    await runHostOk(["bash", chrootBuildScript(), "--keep-lists", dir, "", ...BASE.tools], {
      timeoutMs: 15 * 60_000,
    });
    writeFileSync(done, `${key}\n`);
    return { key, dir, cached: false, durationMs: performance.now() - t0 };
  });
}
