/**
 * daemontools: `svc` is asynchronous, so each verb polls `svstat` until the state is reached (up to 10 s).
 * `svstat` says only `up (pid N) S seconds` or `down S seconds`.
 */
import { catServiceLogs, type InitAdapter, PSL_RELOAD } from "./init-adapter.js";

const until = (state: string) =>
  `i=0; while [ $i -lt 100 ]; do svstat /etc/service/{unit} | grep -q ': ${state}' && exit 0; i=$((i+1)); sleep 0.1; done; exit 1`;

export const daemontoolsAdapter: InitAdapter = {
  init: "daemontools",
  jobs: {
    start: `svc -u /etc/service/{unit}; ${until("up")}`,
    stop: `svc -d /etc/service/{unit}; ${until("down")}`,
    restart: "svc -t /etc/service/{unit}",
    reload: PSL_RELOAD,
  },
  status: "svstat /etc/service/{unit}",
  states: [
    { output: /: up \(pid \d+\)/, state: "active" },
    { output: /: down \d+ seconds, normally up, want up/, state: "activating" },
    { output: /: down/, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: "svstat /etc/service/* 2>&1; true",
};
