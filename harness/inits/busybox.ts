/**
 * BusyBox init has no per-service control: services are psl's `/etc/init.d/<name>` scripts (started at
 * boot by rcS through their S?? links), whose `status` follows the LSB exit codes.
 */
import { catServiceLogs, type InitAdapter } from "./init-adapter.js";

export const busyboxAdapter: InitAdapter = {
  init: "busybox",
  jobs: {
    start: "/etc/init.d/{unit} start",
    stop: "/etc/init.d/{unit} stop",
    restart: "/etc/init.d/{unit} restart",
    reload: "/etc/init.d/{unit} reload",
  },
  status: "/etc/init.d/{unit} status",
  states: [
    { exitCode: 0, state: "active" },
    { exitCode: 1, state: "failed" },
    { exitCode: 3, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: "ps -ef; true",
};
