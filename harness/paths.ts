/**
 * Where the harness keeps things on the host: the repository root (found from this module's location, so
 * it works from `harness/` under vitest and from `dist/harness/` under node), the build cache (base
 * rootfs, VM disks, locks; survives runs) and the run directory (per-run machine logs and shared dirs).
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The directory holding psl's package.json. */
export function repoRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && /"name":\s*"psl"/.test(readFileSync(pkg, "utf8"))) {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("harness: cannot find psl's package.json above this module");
    dir = up;
  }
}

/** The build cache: `$PSL_CACHE_DIR`, else /var/cache/psl for root, else ~/.cache/psl. */
export function cacheDir(): string {
  const env = process.env.PSL_CACHE_DIR;
  if (env) return env;
  return process.getuid?.() === 0 ? "/var/cache/psl" : join(homedir(), ".cache", "psl");
}

/** Per-run output (logs of machines, shared directories, results): `$PSL_RUN_DIR`, else `<repo>/out/harness`. */
export function runDir(): string {
  return process.env.PSL_RUN_DIR ?? join(repoRoot(), "out", "harness");
}
