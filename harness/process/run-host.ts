/**
 * Runs a program on the host (docker, tar, debootstrap, qemu-img) and returns a ProcessResult; never
 * throws for a non-zero exit (`runHostOk` does). Output is kept in memory, so use it for commands whose
 * output is small, or send it to a file with `sh -c`.
 */
import { spawn } from "node:child_process";
import { CommandFailedError, type ProcessResult } from "./process-result.js";
import { shellJoin } from "./shell-quote.js";

export interface RunHostOptions {
  readonly timeoutMs?: number;
  readonly input?: string | Buffer;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

export function runHost(argv: readonly string[], options: RunHostOptions = {}): Promise<ProcessResult> {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error("runHost: empty argv");
  const command = shellJoin(argv);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, options.timeoutMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
    const finish = (exitCode: number) => {
      if (timer) clearTimeout(timer);
      resolve({
        command,
        exitCode: timedOut ? 124 : exitCode,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        durationMs: performance.now() - started,
        timedOut,
      });
    };
    child.on("error", (e) => {
      err.push(Buffer.from(String(e)));
      finish(127);
    });
    child.on("close", (code, signal) => finish(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  const table: Partial<Record<NodeJS.Signals, number>> = { SIGKILL: 9, SIGTERM: 15, SIGINT: 2, SIGHUP: 1 };
  return table[signal] ?? 0;
}

/** Like `runHost`, but throws CommandFailedError unless the exit code is 0. */
export async function runHostOk(
  argv: readonly string[],
  options: RunHostOptions = {},
): Promise<ProcessResult> {
  const r = await runHost(argv, options);
  if (r.exitCode !== 0) throw new CommandFailedError(r);
  return r;
}
