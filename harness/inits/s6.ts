/**
 * s6: `s6-svc` on the scan directory's service (`-wU`/`-wD` wait for up/ready and down). The status line
 * of `s6-svstat -o up,ready,wantedup,exitcode` maps: up and ready → active, up not ready → activating,
 * down with a non-zero exit while wanted up → failed, down → inactive.
 */
import { catServiceLogs, type InitAdapter } from "./init-adapter.js";

export const s6Adapter: InitAdapter = {
  init: "s6",
  jobs: {
    start: "s6-svc -wu -T 10000 -u /etc/s6/scan/{unit}",
    stop: "s6-svc -wd -T 10000 -d /etc/s6/scan/{unit}",
    restart: "s6-svc -wr -T 10000 -r /etc/s6/scan/{unit}",
    reload: "s6-svc -h /etc/s6/scan/{unit}",
  },
  status: "s6-svstat -o up,ready,wantedup,exitcode /etc/s6/scan/{unit}",
  states: [
    { output: /^true true/, state: "active" },
    { output: /^true false/, state: "activating" },
    { output: /^false \w+ true (?!0\b)-?\d+/, state: "failed" },
    { output: /^false \w+ true/, state: "activating" },
    { output: /^false/, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: 'for d in /etc/s6/scan/*; do printf \'%s: \' "$d"; s6-svstat "$d"; done 2>&1; true',
};
