/**
 * BusyBox init has no per-service control: psl's busybox output starts each service from an inittab line
 * and gives it `/usr/lib/psl/<name>/control start|stop|restart|reload|status` (psl-run control), whose
 * status follows the LSB exit codes.
 */
import { catServiceLogs, type InitAdapter } from "./init-adapter.js";

const control = (verb: string) => `/usr/lib/psl/{unit}/control ${verb}`;

export const busyboxAdapter: InitAdapter = {
  init: "busybox",
  jobs: {
    start: control("start"),
    stop: control("stop"),
    restart: control("restart"),
    reload: control("reload"),
  },
  status: control("status"),
  states: [
    { exitCode: 0, state: "active" },
    { exitCode: 1, state: "failed" },
    { exitCode: 3, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: "cat /etc/inittab; ls -l /run/psl 2>&1; ps -ef; true",
};
