/**
 * Capability rows for dependencies, kept apart as the spec keeps them: ordering (`after`, `before`) and
 * requirement (`requires`, `wants`, …) map separately. Targets without ordering get a generated start order
 * (install.sh starts services dependencies first; supervisord gets `priority=`, busybox the inittab line
 * order); launchd has neither, which is reported. Units outside the generated set (`network-online.target`)
 * map to the target's own facilities where it has them (`generators/facilities.ts`).
 */
import { row, rows } from "./row.js";
import { type CapabilityRow, dropped, emulated, native } from "./types.js";

const START_ORDER = emulated(
  "generated start order: install.sh starts services after what they are ordered after",
);
const ALL_AT_BOOT = emulated("every generated service is enabled and started at boot");
const NO_LAUNCHD_DEPS = dropped("behaviour", "launchd has no dependencies or ordering");

export const DEPENDENCY_ROWS: readonly CapabilityRow[] = [
  row("dependencies.requires", {
    sysvinit: emulated(
      "Required-Start: orders the boot; `start` starts it first and fails when it does not start",
    ),
    openrc: native("need"),
    runit: emulated("`run` starts it and waits for it (`sv -w … start`), and fails when it does not come up"),
    s6: emulated("`run` starts it and waits for it (`s6-svc -wU -u`), and fails when it does not come up"),
    daemontools: emulated(
      "`run` starts it (svc -u) and waits for svstat to say up, and fails when it does not come up",
    ),
    "s6-rc": native("dependencies (which also order)"),
    dinit: native("depends-on:"),
    "freebsd-rc": emulated("REQUIRE: orders it first; rcorder does not start it"),
    launchd: NO_LAUNCHD_DEPS,
    supervisord: emulated(
      "psl's start launcher runs `supervisorctl start` for it first and fails when it is not running (stopping it does not stop this one)",
    ),
    busybox: emulated(
      "`control start` starts it first and fails when it does not start (at boot, the inittab order only)",
    ),
    rest: dropped("behaviour", "no dependencies: only the start order is kept"),
  }),
  row("dependencies.wants", {
    sysvinit: emulated("Should-Start: orders the boot; `start` starts it first (its failure is ignored)"),
    openrc: native("want"),
    supervisors: emulated(
      "`run` starts it too (and waits for it when ordered after it); its failure is ignored",
    ),
    "s6-rc": emulated("dependencies (a hard dependency in s6-rc)"),
    dinit: native("waits-for:"),
    supervisord: emulated(
      "psl's start launcher runs `supervisorctl start` for it first; its failure is ignored",
    ),
    busybox: emulated("`control start` starts it too; its failure is ignored"),
    rest: ALL_AT_BOOT,
  }),
  row("dependencies.requisite", {
    openrc: emulated("need"),
    "s6-rc": emulated("dependencies"),
    dinit: emulated("depends-on:"),
    rest: dropped("behaviour", "not checked at start"),
  }),
  row("dependencies.bindsTo", {
    openrc: emulated("need (stopping the dependency stops this service)"),
    "s6-rc": emulated("dependencies (stopping the dependency stops this service)"),
    dinit: emulated("depends-on: (stopping the dependency stops this service)"),
    rest: dropped("behaviour", "not stopped when the other service stops"),
  }),
  row("dependencies.partOf", {
    rest: dropped("behaviour", "not stopped or restarted with the other service"),
  }),
  row("dependencies.upholds", { rest: dropped("behaviour", "the other service is not kept running") }),
  row("dependencies.conflicts", { rest: dropped("behaviour", "conflicting services are not stopped") }),
  row("dependencies.after", {
    sysvinit: native("Should-Start: (insserv orders the scripts)"),
    openrc: native("after"),
    "s6-rc": emulated("dependencies (a requirement too in s6-rc)"),
    supervisord: emulated("priority= from the generated start order"),
    dinit: native("after:"),
    "freebsd-rc": native("REQUIRE:"),
    launchd: NO_LAUNCHD_DEPS,
    busybox: emulated("inittab line order"),
    rest: START_ORDER,
  }),
  row("dependencies.before", {
    sysvinit: native("X-Start-Before:"),
    openrc: native("before"),
    "s6-rc": emulated("a dependency in the other service's definition"),
    supervisord: emulated("priority= from the generated start order"),
    dinit: native("before:"),
    "freebsd-rc": native("BEFORE:"),
    launchd: NO_LAUNCHD_DEPS,
    busybox: emulated("inittab line order"),
    rest: START_ORDER,
  }),
  ...rows(["dependencies.onFailure", "dependencies.onSuccess"], {
    rest: dropped("behaviour", "no unit is started when this one fails or succeeds"),
  }),
  ...rows(
    [
      "dependencies.propagatesReloadTo",
      "dependencies.reloadPropagatedFrom",
      "dependencies.propagatesStopTo",
      "dependencies.stopPropagatedFrom",
    ],
    { rest: dropped("behaviour", "reloads and stops do not propagate") },
  ),
  row("dependencies.joinsNamespaceOf", { rest: dropped("benign", "no namespaces to join") }),
  row("dependencies.requiresMountsFor", {
    rest: dropped("behaviour", "mounts are not awaited; the target's boot order applies"),
  }),
  row("dependencies.defaultDependencies", {
    rest: dropped("benign", "the target's own boot stages order services after basic system setup"),
  }),
  row("dependencies.wantedBy", {
    sysvinit: native("Default-Start: 2 3 4 5 for multi-user.target"),
    openrc: emulated("rc-update add … default"),
    dinit: emulated("dinitctl enable (a waits-for of the boot service)"),
    launchd: emulated("RunAtLoad"),
    "freebsd-rc": emulated("<name>_enable=YES in rc.conf"),
    rest: emulated("install.sh enables the service at boot"),
  }),
  row("dependencies.requiredBy", {
    rest: emulated("install.sh enables the service at boot; the requirement itself is not carried"),
  }),
  row("dependencies.upheldBy", { rest: dropped("behaviour", "the service is not kept running by another") }),
  row("dependencies.aliases", { rest: dropped("benign", "the service has only its own name") }),
  row("dependencies.also", { rest: dropped("benign", "install.sh installs every generated service anyway") }),
  row("dependencies.defaultInstance", {
    rest: dropped("behaviour", "templates are not instantiated on other targets"),
  }),
];
