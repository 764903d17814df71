/**
 * Wait strategies as small factories: each knows what it waits for (its description, used in timeout
 * messages) and how to check once, reporting what it saw. `waitFor` polls a strategy until it is
 * satisfied, fails for good, or the timeout passes, and says what was waited for and what was seen last.
 */
import { formatSeconds } from "../process/process-result.js";
import { shellJoin } from "../process/shell-quote.js";

/** Runs a shell command in a machine (the part of the Machine API that strategies need). */
export interface CommandRunner {
  execute(
    command: string,
    options?: { timeout?: number },
  ): Promise<{ exitCode: number; stdout: string; stderr: string }>;
}

export interface CheckResult {
  readonly ok: boolean;
  /** A short account of what the check observed. */
  readonly seen: string;
  /** Stop waiting: the condition can no longer be met (e.g. a unit failed). */
  readonly fatal?: boolean;
}

export interface WaitStrategy {
  readonly description: string;
  check(runner: CommandRunner): Promise<CheckResult>;
}

export class WaitTimeoutError extends Error {
  constructor(description: string, timeoutSec: number, seen: string, fatal = false) {
    super(
      fatal
        ? `gave up waiting for ${description}: ${seen}`
        : `timed out after ${formatSeconds(timeoutSec * 1000)} waiting for ${description}; last seen: ${seen || "(nothing)"}`,
    );
    this.name = "WaitTimeoutError";
  }
}

const short = (s: string) => {
  const t = s.trim().replace(/\s+/g, " ");
  return t.length > 200 ? `${t.slice(0, 200)}…` : t;
};

/** Polls `strategy` every `intervalMs` until it is satisfied; throws WaitTimeoutError otherwise. */
export async function waitFor(
  runner: CommandRunner,
  strategy: WaitStrategy,
  timeoutSec: number,
  intervalMs = 200,
): Promise<CheckResult> {
  const deadline = Date.now() + timeoutSec * 1000;
  let last: CheckResult = { ok: false, seen: "" };
  for (;;) {
    last = await strategy.check(runner);
    if (last.ok) return last;
    if (last.fatal) throw new WaitTimeoutError(strategy.description, timeoutSec, last.seen, true);
    if (Date.now() >= deadline) throw new WaitTimeoutError(strategy.description, timeoutSec, last.seen);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const commandSeen = (r: { exitCode: number; stdout: string; stderr: string }) =>
  `exit code ${r.exitCode}${r.stdout.trim() ? `, stdout: ${short(r.stdout)}` : ""}${r.stderr.trim() ? `, stderr: ${short(r.stderr)}` : ""}`;

/** A command exits 0 (or, with `expectFailure`, non-zero). */
export function forCommand(command: string, expectFailure = false): WaitStrategy {
  return {
    description: `\`${command}\` to ${expectFailure ? "fail" : "succeed"}`,
    async check(runner) {
      const r = await runner.execute(command, { timeout: 30 });
      return { ok: expectFailure ? r.exitCode !== 0 : r.exitCode === 0, seen: commandSeen(r) };
    },
  };
}

const PORT_CHECK =
  "import socket,sys\ns=socket.socket(socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET)\ns.settimeout(1)\nsys.exit(0 if s.connect_ex((sys.argv[1],int(sys.argv[2])))==0 else 1)";

/** A TCP port accepts connections (or, with `closed`, refuses them). */
export function forPort(port: number, addr = "127.0.0.1", closed = false): WaitStrategy {
  const command = shellJoin(["python3", "-c", PORT_CHECK, addr, String(port)]);
  return {
    description: `TCP port ${addr}:${port} to be ${closed ? "closed" : "open"}`,
    async check(runner) {
      const r = await runner.execute(command, { timeout: 10 });
      const open = r.exitCode === 0;
      return { ok: closed ? !open : open, seen: open ? "open" : `closed (${commandSeen(r)})` };
    },
  };
}

const UNIX_CHECK =
  "import socket,sys\ns=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM if sys.argv[2]=='1' else socket.SOCK_STREAM)\ns.settimeout(1)\ns.connect(sys.argv[1])";

/** A unix socket accepts connections. */
export function forUnixSocket(path: string, datagram = false): WaitStrategy {
  const command = shellJoin(["python3", "-c", UNIX_CHECK, path, datagram ? "1" : "0"]);
  return {
    description: `unix socket ${path} to accept ${datagram ? "datagrams" : "connections"}`,
    async check(runner) {
      const r = await runner.execute(command, { timeout: 10 });
      return { ok: r.exitCode === 0, seen: r.exitCode === 0 ? "accepting" : short(r.stderr) };
    },
  };
}

/** A path exists. */
export function forFile(path: string): WaitStrategy {
  const command = `test -e ${shellJoin([path])}`;
  return {
    description: `file ${path} to exist`,
    async check(runner) {
      const r = await runner.execute(command, { timeout: 10 });
      return { ok: r.exitCode === 0, seen: r.exitCode === 0 ? "exists" : "absent" };
    },
  };
}
