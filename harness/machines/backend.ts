/**
 * The three stages of a machine's life as types, the way testcontainers separates them: a
 * `MachineBackend` is a definition (what to boot, nothing running), `start()` turns it into a
 * `StartedBackend` (a running container or qemu process that runs commands), and `shutdown()` or
 * `crash()` into a `StoppedBackend` (what remains: how it ended, where its logs are). The Machine API is
 * written once on top of these, for containers and VMs alike.
 */
import type { ProcessResult } from "../process/process-result.js";

export interface StartContext {
  /** The machine's name, unique in a run. */
  readonly name: string;
  /** Host directory for this machine's logs (kept after the run). */
  readonly logDir: string;
  /** Host directory shared with the machine at `SHARED_DIR` where the backend can (containers). */
  readonly sharedDir: string;
}

/** The path inside every machine where the shared directory appears (a bind mount or a copied dir). */
export const SHARED_DIR = "/psl-shared";

export interface MachineBackend {
  readonly kind: "container" | "vm";
  /** e.g. `container psl/systemd:1a2b3c4d5e6f`. */
  readonly description: string;
  start(context: StartContext): Promise<StartedBackend>;
}

export interface StartedBackend {
  /** Runs `sh -c command` as root inside the machine; the process is killed after `timeoutMs`. */
  exec(command: string, timeoutMs: number): Promise<ProcessResult>;
  copyFromHost(hostPath: string, machinePath: string): Promise<void>;
  copyFromMachine(machinePath: string, hostDir: string): Promise<void>;
  /** Stops PID 1 cleanly (its stop signal, or poweroff), waiting at most `timeoutMs`, then by force. */
  shutdown(timeoutMs: number): Promise<StoppedBackend>;
  /** Ends the machine at once, like pulling the plug. */
  crash(): Promise<StoppedBackend>;
  /** What PID 1 printed on its console so far (container logs, serial console). */
  consoleLog(): Promise<string>;
  /** The machine's wall-clock time to become ready, in ms. */
  readonly bootMs: number;
}

export interface StoppedBackend {
  readonly how: "shutdown" | "crash";
  readonly durationMs: number;
  /** True when a clean shutdown did not finish in time and force was used. */
  readonly forced: boolean;
}
