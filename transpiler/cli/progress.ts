/**
 * Progress for long runs: on a terminal, one self-overwriting line `[3/40] reading x.json`; elsewhere (logs,
 * CI, --json) nothing, so output stays clean and machine-readable.
 */
import type { CliIO } from "./io.js";

export interface Progress {
  step(label: string): void;
  done(): void;
}

export function createProgress(io: CliIO, total: number, enabled: boolean): Progress {
  const live = enabled && io.stderrIsTTY && total > 1;
  let n = 0;
  let width = 0;
  return {
    step(label) {
      n++;
      if (!live) return;
      const line = `[${n}/${total}] ${label}`;
      io.stderr(`\r${line.padEnd(width)}`);
      width = line.length;
    },
    done() {
      if (live && width > 0) io.stderr(`\r${" ".repeat(width)}\r`);
    },
  };
}
