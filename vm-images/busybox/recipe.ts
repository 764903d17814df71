/**
 * BusyBox init as PID 1 with a Buildroot-style inittab: rcS starts /etc/init.d/S??* scripts, rcK stops
 * them. It supervises `respawn` lines but has no per-service control of its own.
 */
import { type ImageRecipe, PLAIN_RUN } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "busybox",
  description: "BusyBox 1.35 init as PID 1",
  packages: ["busybox"],
  hook: "hook.sh",
  command: ["/bin/busybox", "init"],
  stopSignal: "SIGTERM",
  readyCheck: "test -e /run/init.ready",
  run: PLAIN_RUN,
};
