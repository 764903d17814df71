/** systemd: systemctl verbs; `ActiveState` maps one to one (`reloading` counts as active). */
import type { InitAdapter } from "./init-adapter.js";

export const systemdAdapter: InitAdapter = {
  init: "systemd",
  jobs: {
    start: "systemctl start {unit}",
    stop: "systemctl stop {unit}",
    restart: "systemctl restart {unit}",
    reload: "systemctl reload {unit}",
  },
  status: "systemctl show -p ActiveState --value {unit}",
  states: [
    { output: /^active|^reloading/, state: "active" },
    { output: /^activating/, state: "activating" },
    { output: /^deactivating/, state: "deactivating" },
    { output: /^inactive/, state: "inactive" },
    { output: /^failed/, state: "failed" },
  ],
  journal: "journalctl -u {unit} -o cat --no-pager",
  initLog: "journalctl -b -o short-monotonic --no-pager | tail -n 300",
};
