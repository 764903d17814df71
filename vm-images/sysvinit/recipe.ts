/**
 * sysvinit 3.06 with Debian's sysv-rc and LSB scripts. SIGINT (ctrl-alt-del) runs the K scripts and
 * reboots; SYS_BOOT lets that final reboot end the container. An inittab `wait` line after runlevel 2
 * marks "booted".
 */
import { type ImageRecipe, PLAIN_RUN } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "sysvinit",
  description: "sysvinit 3.06 + sysv-rc (LSB scripts) as PID 1",
  packages: ["sysvinit-core"],
  hook: "hook.sh",
  command: ["/sbin/init"],
  stopSignal: "SIGINT",
  readyCheck: "test -e /run/init.ready",
  run: {
    ...PLAIN_RUN,
    tmpfs: { "/run": "rw,exec,mode=755", "/run/lock": "rw" },
    capAdd: ["SYS_BOOT"],
  },
  vm: {
    packages: ["sysvinit-core", "udev", "kmod", "qemu-guest-agent", "iproute2"],
    hook: "vm-hook.sh",
    kernelArgs: [],
    readyMarker: "PSL-VM-READY",
    poweroff: "(sleep 0.2; poweroff) >/dev/null 2>&1 &",
  },
};
