/**
 * s6-svscan as PID 1 on a scan directory (Debian has no s6-linux-init or s6-rc). SIGTERM tears down the
 * supervisors and exits.
 */
import { type ImageRecipe, PLAIN_RUN } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "s6",
  description: "s6 2.11 (s6-svscan on /etc/s6/scan) as PID 1",
  packages: ["s6", "execline"],
  hook: "hook.sh",
  command: ["/usr/bin/s6-svscan", "/etc/s6/scan"],
  stopSignal: "SIGTERM",
  readyCheck: "s6-svscanctl -z /etc/s6/scan",
  run: PLAIN_RUN,
};
