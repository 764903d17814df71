/**
 * Capability rows for restarting, stopping and readiness. Restart decisions that a target cannot express
 * are taken by psl-run's policy engine (`psl-run supervise`, or `psl-run decide` in a `finish` script), which
 * implements systemd's rules: the policy, SuccessExitStatus=, RestartPreventExitStatus=,
 * RestartForceExitStatus=, RestartSec= and the start limit.
 */
import { row, rows } from "./row.js";
import { type CapabilityRow, dropped, emulated, native } from "./types.js";

const FINISH_DECIDES = emulated(
  "`finish` asks psl-run's policy engine and keeps the service down when it says so",
);
const HELPER_SUPERVISES = emulated("psl-run supervises the process and applies the policy");
const OPENRC_HELPER = emulated(
  "psl-run applies the policy under supervise-daemon and idles after a final exit (so `status` still says started)",
);

const CONDITIONAL_POLICY = {
  sysvinit: HELPER_SUPERVISES,
  openrc: OPENRC_HELPER,
  runit: FINISH_DECIDES,
  s6: FINISH_DECIDES,
  "s6-rc": FINISH_DECIDES,
  daemontools: emulated(
    "psl-run supervises inside `run`; after a final exit it has supervise take the service down (svc -d)",
  ),
  rest: HELPER_SUPERVISES,
} as const;

export const RESTART_ROWS: readonly CapabilityRow[] = [
  row("restart.policy=no", {
    sysvinit: native("started once"),
    openrc: OPENRC_HELPER,
    runit: FINISH_DECIDES,
    s6: FINISH_DECIDES,
    "s6-rc": FINISH_DECIDES,
    daemontools: CONDITIONAL_POLICY.daemontools,
    supervisord: native("autorestart=false"),
    dinit: native("restart = false"),
    launchd: native("KeepAlive false"),
    "freebsd-rc": native("daemon(8) without -r"),
    busybox: native("started once (psl-run supervise records the exit for `control status`)"),
  }),
  row("restart.policy=always", {
    sysvinit: HELPER_SUPERVISES,
    openrc: native("supervise-daemon respawns"),
    supervisord: native("autorestart=true"),
    dinit: native("restart = true"),
    launchd: native("KeepAlive true"),
    "freebsd-rc": native("daemon(8) -r"),
    busybox: HELPER_SUPERVISES,
    rest: native("the supervisor respawns"),
  }),
  row("restart.policy=on-failure", {
    ...CONDITIONAL_POLICY,
    supervisord: emulated("autorestart=unexpected with exitcodes= from SuccessExitStatus="),
    dinit: emulated("restart = on-failure (dinit counts deaths by TERM, INT, HUP, USR1, USR2 as deliberate)"),
    launchd: emulated("KeepAlive SuccessfulExit=false (a death by signal also restarts)"),
  }),
  row("restart.policy=on-success", {
    ...CONDITIONAL_POLICY,
    launchd: emulated("KeepAlive SuccessfulExit=true"),
  }),
  ...rows(["restart.policy=on-abnormal", "restart.policy=on-abort", "restart.policy=on-watchdog"], {
    ...CONDITIONAL_POLICY,
  }),
  row("restart.delaySec", {
    openrc: native("respawn_delay (whole seconds)"),
    dinit: native("restart-delay ="),
    launchd: native("ThrottleInterval (whole seconds)"),
    "freebsd-rc": native("daemon(8) -R"),
    supervisord: dropped("behaviour", "supervisord's back-off between restarts is fixed (1 s, 2 s, …)"),
    runit: emulated("`finish` sleeps it (runsv adds 1 s)"),
    s6: emulated("`finish` sleeps it (s6-supervise adds 1 s)"),
    "s6-rc": emulated("`finish` sleeps it (s6-supervise adds 1 s)"),
    rest: emulated("psl-run sleeps it between restarts"),
  }),
  ...rows(["restart.steps", "restart.maxDelaySec"], {
    rest: dropped("benign", "restart delays do not grow"),
  }),
  row("restart.mode", { rest: dropped("benign", "dependent services are not restarted with it anyway") }),
  ...rows(["restart.preventExitStatus", "restart.forceExitStatus"], {
    supervisord: dropped("behaviour", "supervisord decides restarts by exitcodes= only"),
    dinit: dropped("behaviour", "dinit decides restarts by its own rule"),
    launchd: dropped("behaviour", "KeepAlive decides restarts by its own rule"),
    rest: emulated("psl-run's policy engine honours it"),
  }),
  ...rows(["restart.startLimitBurst", "restart.startLimitIntervalSec"], {
    openrc: native("respawn_max / respawn_period"),
    dinit: native("restart-limit-count / restart-limit-interval"),
    supervisord: emulated("startretries= (counts failed starts, not starts in a time window)"),
    launchd: dropped("behaviour", "launchd only throttles restarts"),
    rest: emulated("psl-run keeps the start history under /run/psl and stops restarting"),
  }),
  row("restart.startLimitAction", {
    rest: dropped("behaviour", "no system action (reboot, poweroff…) when the start limit is hit"),
  }),
];

export const STOP_ROWS: readonly CapabilityRow[] = [
  row("stop.signal", {
    sysvinit: native("start-stop-daemon --signal"),
    openrc: native("supervise-daemon's retry schedule (psl-run sends it when it applies the restart policy)"),
    runit: emulated("control/d and control/t send it instead of SIGTERM"),
    s6: native("down-signal"),
    "s6-rc": native("down-signal"),
    supervisord: native("stopsignal= (TERM, HUP, INT, QUIT, KILL, USR1, USR2 only)"),
    dinit: native("term-signal ="),
    "freebsd-rc": native("sig_stop="),
    busybox: emulated("`control stop`: psl-run supervise sends it"),
    daemontools: emulated("svc -d's SIGTERM reaches psl-run supervise, which sends it instead"),
    rest: dropped("behaviour", "the target always stops with SIGTERM"),
  }),
  row("stop.timeoutSec", {
    sysvinit: native("start-stop-daemon --retry SIGNAL/timeout/KILL/5"),
    openrc: native(
      "supervise-daemon's retry schedule ends in SIGKILL (psl-run sends it when it applies the restart policy)",
    ),
    s6: native("timeout-kill"),
    "s6-rc": native("timeout-kill"),
    supervisord: native("stopwaitsecs="),
    dinit: native("stop-timeout ="),
    launchd: native("ExitTimeOut"),
    runit: emulated("control/d and control/t send SIGKILL after it (runsv itself never escalates)"),
    busybox: emulated("`control stop`: psl-run supervise sends SIGKILL after it"),
    daemontools: emulated("psl-run supervise sends SIGKILL after it (supervise itself never escalates)"),
    rest: dropped("behaviour", "the target does not escalate to SIGKILL after a timeout"),
  }),
  row("stop.killMode=control-group", {
    supervisord: emulated("stopasgroup/killasgroup (the process group, not a cgroup)"),
    dinit: emulated("dinit signals the process group (not a cgroup)"),
    launchd: emulated("launchd kills the job's process group (not a cgroup)"),
    rest: dropped("behaviour", "only the main process is signalled; its children may survive"),
  }),
  row("stop.killMode=mixed", {
    supervisord: native("stopasgroup=false, killasgroup=true"),
    rest: dropped("behaviour", "only the main process is signalled; its children may survive"),
  }),
  row("stop.killMode=process", {
    dinit: native("options = signal-process-only"),
    launchd: dropped("behaviour", "launchd kills the whole process group"),
    rest: native("the target signals the main process only"),
  }),
  row("stop.killMode=none", {
    rest: dropped("behaviour", "the target always signals the main process"),
  }),
  ...rows(["stop.finalSignal", "stop.restartSignal"], {
    rest: dropped("benign", "the target's own signals are used"),
  }),
  row("stop.sendSigkill", { rest: dropped("behaviour", "escalation to SIGKILL is the target's choice") }),
  row("stop.sendSighup", { rest: dropped("benign", "no SIGHUP after SIGTERM") }),
  row("stop.abortTimeoutSec", { rest: dropped("benign", "no watchdog abort") }),
];

export const READINESS_ROWS: readonly CapabilityRow[] = [
  row("readiness.timeoutSec", {
    dinit: native("start-timeout ="),
    rest: dropped("behaviour", "no start timeout: a slow start is not failed"),
  }),
  row("readiness.notifyAccess", { rest: dropped("benign", "sd_notify is not spoken") }),
  row("readiness.busName", { rest: dropped("behaviour", "no D-Bus name tracking") }),
  row("readiness.watchdogSec", {
    rest: dropped("behaviour", "no watchdog: a hung service is not restarted"),
  }),
  row("readiness.timeoutStartFailureMode", { rest: dropped("benign", "no start timeout") }),
];
