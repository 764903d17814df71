/**
 * VM machines: qemu under TCG (KVM on this machine kind cannot boot stock kernels) booting the recipe's
 * disk with `snapshot=on`, the shared Debian kernel and small initrd, a serial console logged to a file,
 * and the qemu guest agent as the command channel. Each VM lives in `/tmp/psl-vm-<name>-*` with its pid
 * file, owner pid and run id, and runs with `-name psl-vm-…`, so the reaper can always find it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { ImageRecipe } from "../../vm-images/index.js";
import { ensureVmDisk } from "../images/vm-disk.js";
import type { MachineBackend, StartContext, StartedBackend, StoppedBackend } from "../machines/backend.js";
import { ownerPid, runId, VM_DIR_PREFIX, VM_PROCESS_TAG } from "../machines/labels.js";
import type { ProcessResult } from "../process/process-result.js";
import { runHostOk } from "../process/run-host.js";
import { shellQuote } from "../process/shell-quote.js";
import { QgaClient } from "./qga-client.js";

const BOOT_TIMEOUT_MS = 240_000;

export function vmBackend(recipe: ImageRecipe): MachineBackend {
  return {
    kind: "vm",
    description: `qemu VM of ${recipe.init}`,
    start: (context) => startVm(recipe, context),
  };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function startVm(recipe: ImageRecipe, context: StartContext): Promise<StartedBackend> {
  const vm = recipe.vm;
  if (vm === undefined) throw new Error(`vm-images/${recipe.init} has no VM recipe`);
  const disk = await ensureVmDisk(recipe);
  const t0 = performance.now();
  const dir = mkdtempSync(`${VM_DIR_PREFIX}${context.name}-`);
  writeFileSync(join(dir, "owner.pid"), String(ownerPid()));
  writeFileSync(join(dir, "run"), runId());
  const serial = join(context.logDir, "serial.log");
  // biome-ignore format: one flag and its value per line
  const args = [
    "-name", `${VM_PROCESS_TAG}-${context.name}`,
    "-pidfile", join(dir, "qemu.pid"),
    "-accel", "tcg", "-cpu", "max", "-m", "1024", "-smp", "2",
    "-nodefaults", "-no-user-config", "-display", "none",
    "-kernel", disk.kernel.vmlinuz, "-initrd", disk.kernel.initrd,
    "-append", ["root=/dev/vda", "rw", "console=ttyS0", "quiet", ...vm.kernelArgs].join(" "),
    "-drive", `file=${disk.disk},format=raw,if=virtio,snapshot=on`,
    "-serial", `file:${serial}`,
    "-chardev", `socket,path=${join(dir, "qga.sock")},server=on,wait=off,id=qga0`,
    "-device", "virtio-serial-pci",
    "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
    "-nic", "none",
  ];
  const qemuLog = openSync(join(context.logDir, "qemu.log"), "a");
  const child = spawn("qemu-system-x86_64", args, { stdio: ["ignore", qemuLog, qemuLog] });
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (!readText(serial).includes(vm.readyMarker)) {
    if (child.exitCode !== null) {
      throw new Error(
        `qemu exited with ${child.exitCode} during boot; see ${join(context.logDir, "qemu.log")}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      const tail = readText(serial).split("\n").slice(-20).join("\n");
      throw new Error(
        `timed out after ${BOOT_TIMEOUT_MS / 1000} s waiting for ${vm.readyMarker} on the serial console; last lines:\n${tail}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const qga = await QgaClient.open(join(dir, "qga.sock"), 60_000);
  return new StartedVm(child, qga, serial, vm.poweroff, dir, performance.now() - t0);
}

function readText(path: string): string {
  return existsSync(path) ? readFileSync(path, "latin1") : "";
}

class StartedVm implements StartedBackend {
  constructor(
    private readonly child: ChildProcess,
    private readonly qga: QgaClient,
    private readonly serial: string,
    private readonly poweroff: string,
    /** The scratch directory (pid file, sockets); removed once qemu has exited. */
    private readonly dir: string,
    readonly bootMs: number,
  ) {}

  /** Commands get the umask a login shell would have: the guest agent's own may be 077 (sysvinit). */
  async exec(command: string, timeoutMs: number): Promise<ProcessResult> {
    const r = await this.qga.exec(`umask 022\n${command}`, timeoutMs);
    return { ...r, command };
  }

  async copyFromHost(hostPath: string, machinePath: string): Promise<void> {
    const tar = await runHostOk([
      "sh",
      "-c",
      `tar -C ${shellQuote(dirname(hostPath))} -cf - ${shellQuote(basename(hostPath))} | base64 -w0`,
    ]);
    const target = dirname(machinePath);
    const unpack = `mkdir -p ${shellQuote(target)} && d=$(mktemp -d) && tar -C "$d" -xf - && mv "$d"/${shellQuote(basename(hostPath))} ${shellQuote(machinePath)} && rmdir "$d"`;
    const r = await this.qga.exec(`umask 022; ${unpack}`, 60_000, Buffer.from(tar.stdout.trim(), "base64"));
    if (r.exitCode !== 0) throw new Error(`copyFromHost ${hostPath} → ${machinePath} failed: ${r.stderr}`);
  }

  async copyFromMachine(machinePath: string, hostDir: string): Promise<void> {
    const r = await this.qga.execRaw(
      `tar -C ${shellQuote(dirname(machinePath))} -cf - ${shellQuote(basename(machinePath))}`,
      60_000,
    );
    if (r.exitCode !== 0) throw new Error(`copyFromMachine ${machinePath} failed: ${r.stderr}`);
    await runHostOk(["tar", "-C", hostDir, "-xf", "-"], { input: r.stdout });
  }

  async consoleLog(): Promise<string> {
    return readText(this.serial);
  }

  async shutdown(timeoutMs: number): Promise<StoppedBackend> {
    const t0 = performance.now();
    await this.qga.exec(this.poweroff, 10_000).catch(() => undefined);
    const done = await Promise.race([
      exited(this.child).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
    ]);
    this.qga.close();
    if (!done) {
      this.child.kill("SIGKILL");
      await exited(this.child);
    }
    rmSync(this.dir, { recursive: true, force: true });
    return { how: "shutdown", durationMs: performance.now() - t0, forced: !done };
  }

  async crash(): Promise<StoppedBackend> {
    const t0 = performance.now();
    this.qga.close();
    this.child.kill("SIGKILL");
    await exited(this.child);
    rmSync(this.dir, { recursive: true, force: true });
    return { how: "crash", durationMs: performance.now() - t0, forced: true };
  }
}
