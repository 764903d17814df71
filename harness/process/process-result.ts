/**
 * A finished process as flat data, and the one message builder every failure goes through:
 * "`systemctl start foo` failed with exit code 3 after 2.1 s". Used for host commands (docker, tar,
 * debootstrap) and for commands run inside machines alike.
 */

export interface ProcessResult {
  /** The command as a person would type it (for messages). */
  readonly command: string;
  /** Exit code; 124 when the harness's timeout ended it, 128+n when a signal did. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly timedOut: boolean;
}

/** Seconds with one decimal, for messages. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function tail(text: string, lines: number): string {
  const all = text.trimEnd().split("\n");
  return all.slice(-lines).join("\n");
}

/** Why a result counts as a failure, with the last lines of its output. */
export function describeFailure(r: ProcessResult, expected = "exit code 0"): string {
  const what = r.timedOut
    ? `\`${r.command}\` timed out after ${formatSeconds(r.durationMs)}`
    : `\`${r.command}\` failed with exit code ${r.exitCode} after ${formatSeconds(r.durationMs)}`;
  const parts = [expected === "exit code 0" ? what : `${what} (expected ${expected})`];
  if (r.stderr.trim()) parts.push(`stderr:\n${tail(r.stderr, 15)}`);
  if (r.stdout.trim()) parts.push(`stdout:\n${tail(r.stdout, 15)}`);
  return parts.join("\n");
}

/** Thrown when a command that had to succeed did not; carries the result. */
export class CommandFailedError extends Error {
  readonly result: ProcessResult;
  constructor(result: ProcessResult, expected?: string) {
    super(describeFailure(result, expected));
    this.name = "CommandFailedError";
    this.result = result;
  }
}
