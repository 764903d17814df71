/**
 * OpenRC: rc-service verbs. Status exit codes as OpenRC defines them (0 started, 3 stopped, 4 stopping,
 * 8 starting, 16 inactive, 32 crashed, 64 unsupervised); the output's word is the fallback.
 */
import { catServiceLogs, type InitAdapter } from "./init-adapter.js";

export const openrcAdapter: InitAdapter = {
  init: "openrc",
  jobs: {
    start: "rc-service {unit} start",
    stop: "rc-service {unit} stop",
    restart: "rc-service {unit} restart",
    reload: "rc-service {unit} reload",
  },
  status: "rc-service {unit} status",
  states: [
    { exitCode: 0, state: "active" },
    { exitCode: 4, state: "deactivating" },
    { exitCode: 8, state: "activating" },
    { exitCode: 32, state: "failed" },
    { exitCode: 64, state: "failed" },
    { output: /status: crashed/, state: "failed" },
    { exitCode: 3, state: "inactive" },
    { exitCode: 16, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: "rc-status --all 2>&1; true",
};
