/**
 * systemd 252 as PID 1. It needs the host's cgroup tree (cgroup v1 here) and SYS_ADMIN for sandboxed units;
 * SIGRTMIN+3 is its clean "halt" signal (SIGTERM would make it re-execute).
 */
import type { ImageRecipe } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "systemd",
  description: "systemd 252 (Debian bookworm) as PID 1",
  packages: ["systemd", "systemd-sysv", "dbus"],
  hook: "hook.sh",
  command: ["/sbin/init"],
  stopSignal: "SIGRTMIN+3",
  readyCheck: 's=$(systemctl is-system-running 2>/dev/null); [ "$s" = running ] || [ "$s" = degraded ]',
  run: {
    tmpfs: { "/run": "rw,exec,mode=755", "/run/lock": "rw" },
    capAdd: ["SYS_ADMIN"],
    bindHostPaths: ["/sys/fs/cgroup"],
    cgroupnsHost: true,
    env: { container: "docker" },
  },
  vm: {
    packages: ["systemd", "systemd-sysv", "udev", "kmod", "qemu-guest-agent"],
    hook: "vm-hook.sh",
    kernelArgs: [],
    readyMarker: "PSL-VM-READY",
    poweroff: "systemctl --no-block poweroff",
  },
};
