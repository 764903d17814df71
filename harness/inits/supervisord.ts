/**
 * supervisord: supervisorctl verbs; the state word of `supervisorctl status` (its exit code is unreliable).
 * A start first loads the unit's configuration if supervisord has not (`install.sh` with PSL_NO_START=1
 * leaves it to be read at supervisord's next start): `update` adds it, and starts it, being autostart;
 * `start` then starts a loaded unit that is stopped.
 */
import { catServiceLogs, type InitAdapter, PSL_RELOAD } from "./init-adapter.js";

export const supervisordAdapter: InitAdapter = {
  init: "supervisord",
  jobs: {
    start:
      "supervisorctl update {unit} >/dev/null 2>&1; case $(supervisorctl status {unit} 2>/dev/null) in *RUNNING* | *STARTING*) ;; *) supervisorctl start {unit} ;; esac",
    stop: "supervisorctl stop {unit}",
    restart: "supervisorctl restart {unit}",
    reload: PSL_RELOAD,
  },
  status: "supervisorctl status {unit}",
  states: [
    { output: /\sRUNNING\s/, state: "active" },
    { output: /\s(STARTING|BACKOFF)\s/, state: "activating" },
    { output: /\sSTOPPING\s/, state: "deactivating" },
    { output: /\s(FATAL|UNKNOWN)\s/, state: "failed" },
    { output: /\s(STOPPED|EXITED)\s/, state: "inactive" },
  ],
  journal: `${catServiceLogs}; supervisorctl tail {unit} 2>/dev/null; true`,
  initLog: "cat /var/log/supervisor/supervisord.log 2>/dev/null | tail -n 200; true",
};
