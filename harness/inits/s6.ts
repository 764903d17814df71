/**
 * s6: `s6-svc` on the scan directory's service (`-wU`/`-wD` wait for up/ready and down). The status line
 * of `s6-svstat -o up,ready,wantedup,exitcode` maps: up → active, down with a non-zero exit (or a
 * signal, -1) while wanted up → failed, down while wanted up → activating, down → inactive.
 */
import { catServiceLogs, type InitAdapter, PSL_RELOAD } from "./init-adapter.js";

export const s6Adapter: InitAdapter = {
  init: "s6",
  jobs: {
    start: "s6-svc -wu -T 10000 -u /etc/s6/scan/{unit}",
    stop: "s6-svc -wD -T 10000 -d /etc/s6/scan/{unit}",
    // Stop then start, like systemd: `s6-svc -r` would leave a service whose finish script says
    // "do not restart" (Restart=no) down.
    restart: "s6-svc -wD -T 10000 -d /etc/s6/scan/{unit} && s6-svc -wu -T 10000 -u /etc/s6/scan/{unit}",
    reload: PSL_RELOAD,
  },
  status: "s6-svstat -o up,ready,wantedup,exitcode /etc/s6/scan/{unit}",
  states: [
    // `ready` stays false for services without a notification-fd, so up alone means active.
    { output: /^true/, state: "active" },
    { output: /^false \w+ true (?!0\b)-?\d+/, state: "failed" },
    { output: /^false \w+ true/, state: "activating" },
    { output: /^false/, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: 'for d in /etc/s6/scan/*; do printf \'%s: \' "$d"; s6-svstat "$d"; done 2>&1; true',
};
