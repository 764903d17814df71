/**
 * runit: `sv` verbs (start/stop wait up to 7 s). `sv status` starts with `run:`, `down:` or `finish:`;
 * runit has no failed state, so a service that is down but wanted up (a crash loop) maps to `activating`.
 */
import { catServiceLogs, type InitAdapter } from "./init-adapter.js";

export const runitAdapter: InitAdapter = {
  init: "runit",
  jobs: {
    start: "sv -w 10 start {unit}",
    stop: "sv -w 10 stop {unit}",
    // Stop then start, like systemd: `sv restart` races a finish script that keeps the service down.
    restart: "sv -w 10 stop {unit} && sv -w 10 start {unit}",
    reload: "sv hup {unit}",
  },
  status: "sv status {unit}",
  states: [
    { output: /^run: /, state: "active" },
    { output: /^finish: /, state: "deactivating" },
    { output: /^down: .*want up/, state: "activating" },
    { output: /^down: /, state: "inactive" },
  ],
  journal: catServiceLogs,
  initLog: "sv status /etc/service/* 2>&1; true",
};
