/**
 * daemontools' svscan under tini: svscan ignores SIGTERM, so tini is PID 1 and forwards the stop. svscan
 * picks up new service directories on its 5-second rescan.
 */
import { type ImageRecipe, PLAIN_RUN } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "daemontools",
  description: "daemontools 0.76 (svscan /etc/service under tini)",
  packages: ["daemontools", "tini"],
  hook: "hook.sh",
  command: ["/usr/bin/tini", "--", "/usr/bin/svscan", "/etc/service"],
  stopSignal: "SIGTERM",
  readyCheck: "pidof svscan >/dev/null",
  run: PLAIN_RUN,
};
