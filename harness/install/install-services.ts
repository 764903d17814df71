/**
 * Installs generated services into a machine the way a person would: the generator's output (`rootfs/…`,
 * `install.sh`, `uninstall.sh`, per the contract in `transpiler/generators/types.ts`) is written to a host
 * directory, copied into the machine, and `install.sh` runs there as root. The host copy stays in the
 * machine's log directory, so a failing test can be read next to what was installed.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Generator } from "../../transpiler/generators/types.js";
import type { ServiceSpec } from "../../transpiler/spec/schema.js";
import type { Machine } from "../machines/machine.js";
import { CommandFailedError, type ProcessResult } from "../process/process-result.js";
import { shellQuote } from "../process/shell-quote.js";

export interface InstallOptions {
  /** A name for this installation (a directory name). */
  readonly label: string;
  /** Install and enable without starting (`PSL_NO_START=1`). */
  readonly noStart?: boolean;
  readonly timeout?: number;
}

export interface Installation {
  readonly hostDir: string;
  readonly machineDir: string;
  readonly result: ProcessResult;
}

/** Renders `specs` with `generator` and writes the output under `hostDir` (directories 0755). */
export function writeGenerated(generator: Generator, specs: readonly ServiceSpec[], hostDir: string): void {
  const out = generator.render(specs, { storeMode: "host" });
  const errors = out.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new Error(`${generator.target}: generation failed: ${errors.map((d) => d.message).join("; ")}`);
  }
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir, { recursive: true, mode: 0o755 });
  chmodSync(hostDir, 0o755);
  for (const f of out.files) {
    const path = join(hostDir, f.path);
    let d = dirname(path);
    mkdirSync(d, { recursive: true, mode: 0o755 });
    while (d.startsWith(hostDir) && d !== hostDir) {
      chmodSync(d, 0o755);
      d = dirname(d);
    }
    writeFileSync(path, f.content);
    chmodSync(path, f.mode);
  }
}

/** Generates, copies and runs install.sh; throws (with its output) unless it exits 0. */
export async function installServices(
  machine: Machine,
  generator: Generator,
  specs: readonly ServiceSpec[],
  options: InstallOptions,
): Promise<Installation> {
  const hostDir = join(machine.logDir, "install", options.label);
  writeGenerated(generator, specs, hostDir);
  const machineDir = `/var/lib/psl-install/${options.label}`;
  await machine.succeed(`rm -rf ${shellQuote(machineDir)} && mkdir -p /var/lib/psl-install`);
  await machine.copyFromHost(hostDir, machineDir);
  const env = options.noStart ? "PSL_NO_START=1 " : "";
  const result = await machine.execute(`cd ${shellQuote(machineDir)} && ${env}sh ./install.sh`, {
    timeout: options.timeout ?? 120,
  });
  if (result.exitCode !== 0) throw new CommandFailedError(result);
  return { hostDir, machineDir, result };
}

/** Runs the installation's uninstall.sh. */
export async function uninstallServices(
  machine: Machine,
  installation: Installation,
): Promise<ProcessResult> {
  return machine.execute(`cd ${shellQuote(installation.machineDir)} && sh ./uninstall.sh`, { timeout: 120 });
}
