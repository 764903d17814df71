/**
 * Test support: running real Nix (`nix-instantiate` 2.8 from Debian's nix-bin) offline, as the oracle for
 * psl's Nix files. Evaluation is read-only (`--readonly-mode`: store paths are computed, never written) and
 * uses a private state, cache and config directory under the system temp dir, so tests need no Nix daemon,
 * no writable /nix and no network, and do not contend with other Nix users on the machine.
 * Results are flat data, as execa reports them.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** One finished nix-instantiate run. */
export interface NixRun {
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

/** Arguments for one evaluation: a file or an expression, and `--arg`/`--argstr` values. */
export interface NixEvalRequest {
  readonly file?: string;
  readonly expr?: string;
  /** `--arg name <Nix expression>` */
  readonly args?: Readonly<Record<string, string>>;
  /** `--argstr name <string>` */
  readonly argstrs?: Readonly<Record<string, string>>;
  /** `--show-trace` */
  readonly showTrace?: boolean;
  readonly cwd?: string;
}

/** The nix-instantiate binary on PATH, or undefined when Nix is not installed. */
export const nixInstantiate: string | undefined = findOnPath("nix-instantiate");

/** The directory `PSL_NIXPKGS` names (it has `lib/`, maybe `nixos/lib/`), or undefined. */
export const nixpkgsPath: string | undefined = process.env.PSL_NIXPKGS || undefined;

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** The environment that makes nix-instantiate work offline without a daemon or a writable store. */
export function nixEnvironment(): NodeJS.ProcessEnv {
  const base = join(tmpdir(), `psl-nix-${process.getuid?.() ?? "user"}`);
  const dirs = { state: join(base, "state"), cache: join(base, "cache"), conf: join(base, "conf") };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: base,
    NIX_STATE_DIR: dirs.state,
    NIX_CONF_DIR: dirs.conf,
    XDG_CACHE_HOME: dirs.cache,
    NIX_PATH: "",
    NIX_REMOTE: "",
  };
}

/** The argument vector for `nix-instantiate --eval --strict --json --readonly-mode …`. */
export function nixEvalArgv(request: NixEvalRequest): string[] {
  const argv = ["--eval", "--strict", "--json", "--readonly-mode"];
  if (request.showTrace === true) argv.push("--show-trace");
  for (const [name, value] of Object.entries(request.args ?? {})) argv.push("--arg", name, value);
  for (const [name, value] of Object.entries(request.argstrs ?? {})) argv.push("--argstr", name, value);
  if (request.expr !== undefined) argv.push("--expr", request.expr);
  else if (request.file !== undefined) argv.push(request.file);
  else throw new Error("nixEvalArgv: a file or an expression is needed");
  return argv;
}

/** Runs one evaluation; never rejects for a failed evaluation (the exit code and stderr say why). */
export function runNixEval(request: NixEvalRequest): Promise<NixRun> {
  const binary = nixInstantiate;
  if (binary === undefined) return Promise.reject(new Error("nix-instantiate is not installed"));
  const argv = nixEvalArgv(request);
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      binary,
      argv,
      { env: nixEnvironment(), cwd: request.cwd, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({
          command: ["nix-instantiate", ...argv].join(" "),
          exitCode,
          stdout,
          stderr,
          durationMs: performance.now() - started,
        });
      },
    );
  });
}

/** The message line of a failed evaluation (`error: …`, without Nix's source excerpt). */
export function nixErrorMessage(run: NixRun): string {
  const lines = run.stderr.split("\n");
  const start = lines.findIndex((l) => l.startsWith("error:"));
  if (start < 0) return run.stderr.trim();
  const out: string[] = [];
  for (const line of lines.slice(start)) {
    if (out.length > 0 && /^\s*(at |…|\d+\||\(use '--show-trace')/.test(line)) break;
    out.push(line);
  }
  return out
    .join("\n")
    .replace(/^error:\s*/, "")
    .trim();
}

/** Describes a failed run in one line, for assertion messages. */
export function describeRun(run: NixRun): string {
  const secs = (run.durationMs / 1000).toFixed(2);
  return `\`${run.command}\` failed with exit code ${run.exitCode} after ${secs} s: ${nixErrorMessage(run)}`;
}

/** Runs `tasks` with at most `limit` of them at once, keeping their order in the result. */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit = 6): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      if (task !== undefined) results[i] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
