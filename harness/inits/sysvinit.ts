/** sysvinit with LSB scripts: `service` verbs; LSB status codes (0 running, 1/2 dead with pid or lock file, 3 stopped). */
import { catServiceLogs, type InitAdapter } from "./init-adapter.js";

export const sysvinitAdapter: InitAdapter = {
  init: "sysvinit",
  jobs: {
    start: "service {unit} start",
    stop: "service {unit} stop",
    restart: "service {unit} restart",
    reload: "service {unit} reload",
  },
  status: "service {unit} status",
  states: [
    { exitCode: 0, state: "active" },
    { exitCode: 1, state: "failed" },
    { exitCode: 2, state: "failed" },
    { exitCode: 3, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: "ls -l /etc/rc2.d; cat /var/log/boot 2>/dev/null | tail -n 100; true",
};
