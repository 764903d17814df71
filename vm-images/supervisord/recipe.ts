/**
 * supervisord 4.2 in the foreground as PID 1, with Debian's configuration (includes conf.d/*.conf and a
 * control socket at /var/run/supervisor.sock).
 */
import { type ImageRecipe, PLAIN_RUN } from "../recipe.js";

export const recipe: ImageRecipe = {
  init: "supervisord",
  description: "supervisord 4.2.5 as PID 1",
  packages: ["supervisor"],
  hook: "hook.sh",
  command: ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisor/supervisord.conf"],
  stopSignal: "SIGTERM",
  readyCheck: "[ -S /run/supervisor.sock ] && supervisorctl pid >/dev/null",
  run: PLAIN_RUN,
};
