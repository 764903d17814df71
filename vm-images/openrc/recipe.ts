/**
 * OpenRC 0.45 driven by sysvinit (Debian's arrangement). The hook sets `rc_sys="docker"` and removes the
 * sysinit scripts that cannot work without SYS_ADMIN, so that nothing ordered after them fails.
 */
import { type ImageRecipe, PLAIN_RUN } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "openrc",
  description: "OpenRC 0.45 under sysvinit as PID 1",
  packages: ["sysvinit-core", "openrc"],
  hook: "hook.sh",
  command: ["/sbin/init"],
  stopSignal: "SIGINT",
  readyCheck: "test -e /run/init.ready",
  run: {
    ...PLAIN_RUN,
    tmpfs: { "/run": "rw,exec,mode=755", "/run/lock": "rw" },
    capAdd: ["SYS_BOOT"],
  },
};
