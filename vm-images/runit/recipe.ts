/**
 * runit as PID 1 through runit-init: stage 1 runs the rcS scripts, stage 2 `runsvdir -P /etc/service`.
 * SIGINT runs stage 3; SYS_BOOT lets it end the container. Services are picked up on runsvdir's rescan.
 */
import { type ImageRecipe, PLAIN_RUN } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "runit",
  description: "runit 2.1.2 (runit-init) as PID 1",
  packages: ["runit-init"],
  hook: "hook.sh",
  command: ["/sbin/init"],
  stopSignal: "SIGINT",
  readyCheck: "pidof runsvdir >/dev/null",
  run: {
    ...PLAIN_RUN,
    tmpfs: { "/run": "rw,exec,mode=755", "/run/lock": "rw" },
    capAdd: ["SYS_BOOT"],
  },
};
