/**
 * Whether VM machines can run here: qemu, and what building a disk needs (root for debootstrap and
 * chroot, mkfs.ext4), unless the disks are already in the cache. Used to skip VM tests visibly.
 */
import { runHost } from "../process/run-host.js";

export async function vmSkipReason(): Promise<string | undefined> {
  if (process.env.PSL_NO_VM) return "PSL_NO_VM is set";
  if ((await runHost(["qemu-system-x86_64", "--version"])).exitCode !== 0)
    return "qemu-system-x86_64 is not installed";
  if (process.getuid?.() !== 0) return "building VM disks needs root (debootstrap, chroot)";
  if ((await runHost(["debootstrap", "--version"])).exitCode !== 0) return "debootstrap is not installed";
  return undefined;
}
