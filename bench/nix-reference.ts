/**
 * The reference for the Nix benchmarks: `nix-instantiate` timed in the same run (these machines are noisy,
 * so only ratios measured side by side mean anything). Runs offline with a dummy store and throwaway
 * state directories; the best of a few runs is kept on both sides.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export function hasNixInstantiate(): boolean {
  return spawnSync("nix-instantiate", ["--version"]).status === 0;
}

let stateDir: string | undefined;

function env(): NodeJS.ProcessEnv {
  stateDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "psl-bench-nix-"));
  return {
    PATH: process.env.PATH,
    HOME: stateDir,
    NIX_REMOTE: "dummy://",
    NIX_STATE_DIR: path.join(stateDir, "state"),
    NIX_LOG_DIR: path.join(stateDir, "log"),
    NIX_CONF_DIR: path.join(stateDir, "conf"),
    NIX_PATH: "",
  };
}

/** Wall time (ms) of one nix-instantiate run; throws when it fails. */
export function timeNix(args: readonly string[], cwd = os.tmpdir()): number {
  const t0 = performance.now();
  const r = spawnSync("nix-instantiate", [...args], {
    cwd,
    env: env(),
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`nix-instantiate ${args.join(" ")} failed: ${String(r.stderr).slice(0, 300)}`);
  return ms;
}

/** The best of `n` timings of `f`. */
export function best(n: number, f: () => number): number {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) m = Math.min(m, f());
  return m;
}

/** Wall time (ms) of a function in this process. */
export function timeIt(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export function ratio(psl: number, nix: number): string {
  return `${(psl / nix).toFixed(2)}× nix-instantiate's time (${psl < nix ? "faster" : "slower"})`;
}
