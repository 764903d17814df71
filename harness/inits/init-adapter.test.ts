/** The per-init state tables map real status outputs (as the notes recorded them) to portable states. */
import { describe, expect, it } from "vitest";
import type { ProcessResult } from "../process/process-result.js";
import { fillTemplate, INIT_ADAPTERS, mapUnitState, type UnitState } from "./index.js";

const result = (exitCode: number, stdout: string): ProcessResult => ({
  command: "status",
  exitCode,
  stdout,
  stderr: "",
  durationMs: 1,
  timedOut: false,
});

const CASES: readonly [keyof typeof INIT_ADAPTERS, number, string, UnitState][] = [
  ["systemd", 0, "active\n", "active"],
  ["systemd", 3, "failed\n", "failed"],
  ["systemd", 3, "inactive\n", "inactive"],
  ["systemd", 0, "activating\n", "activating"],
  ["sysvinit", 0, "web is running", "active"],
  ["sysvinit", 1, "web is not running but pid file exists", "failed"],
  ["sysvinit", 3, "web is not running", "inactive"],
  ["openrc", 0, " * status: started", "active"],
  ["openrc", 3, " * status: stopped", "inactive"],
  ["openrc", 32, " * status: crashed", "failed"],
  ["runit", 0, "run: web: (pid 721) 3s; run: log: (pid 720) 3s", "active"],
  ["runit", 0, "down: web: 0s, normally up, want up", "activating"],
  ["runit", 0, "down: web: 5s, normally up", "inactive"],
  ["s6", 0, "true false true -1", "active"],
  ["s6", 0, "false false true 3", "failed"],
  ["s6", 0, "false false false 0", "inactive"],
  ["supervisord", 0, "web                              RUNNING   pid 12, uptime 0:00:03", "active"],
  ["supervisord", 3, "web                              FATAL     Exited too quickly", "failed"],
  ["supervisord", 3, "web                              STOPPED   Nov 25 10:00 AM", "inactive"],
  ["daemontools", 0, "/etc/service/web: up (pid 190) 0 seconds", "active"],
  ["daemontools", 0, "/etc/service/web: down 2 seconds, normally up", "inactive"],
  ["busybox", 0, "web is running", "active"],
  ["busybox", 1, "web has failed", "failed"],
  ["busybox", 3, "web is not running", "inactive"],
];

describe("unit state tables", () => {
  it.each(CASES)("%s: exit %i, %j → %s", (init, code, out, state) => {
    expect(mapUnitState(INIT_ADAPTERS[init], result(code, out))).toBe(state);
  });

  it("says unknown when no row matches", () => {
    expect(mapUnitState(INIT_ADAPTERS.sysvinit, result(4, ""))).toBe("unknown");
  });

  it("fills job templates with the shell-quoted bare name", () => {
    expect(fillTemplate(INIT_ADAPTERS.runit.status, "web.service")).toBe("sv status web");
    expect(fillTemplate(INIT_ADAPTERS.systemd.jobs.start ?? "", "a b")).toBe("systemctl start 'a b'");
    expect(fillTemplate(INIT_ADAPTERS.busybox.status, "web")).toBe("/usr/lib/psl/web/control status");
  });
});
