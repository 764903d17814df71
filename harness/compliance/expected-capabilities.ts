/**
 * What the harness's stand-in generators can do, for the features the compliance scenarios exercise, in
 * the naming of `transpiler/capabilities/` (`identity.user`, `restart.policy=on-failure`, …). Used only
 * for inits whose psl generator has not landed (see `generator-source.ts`); for the others the suite
 * checks psl's own capability table.
 */
import type { InitName } from "../../vm-images/index.js";

export type ExpectedStatus = "native" | "emulated" | "dropped";

export interface ExpectedCapability {
  readonly status: ExpectedStatus;
  /** How it is emulated, or why it is dropped. */
  readonly note?: string;
}

type Cells = Partial<Record<InitName, ExpectedCapability>>;

const E = (note: string): ExpectedCapability => ({ status: "emulated", note });
const D = (note: string): ExpectedCapability => ({ status: "dropped", note });
const N: ExpectedCapability = { status: "native" };

const LAUNCHER = "psl's launcher script";
const NON_SYSTEMD = ["sysvinit", "openrc", "runit", "s6", "supervisord", "daemontools", "busybox"] as const;
const viaLauncher = (what: string): Cells =>
  Object.fromEntries(NON_SYSTEMD.map((i) => [i, E(`${what} in ${LAUNCHER}`)]));

/** Feature → init → capability; a missing init means native. */
const TABLE: Readonly<Record<string, Cells>> = {
  "process.start": {},
  "commands.expandEnvironment": viaLauncher("argv quoted for sh"),
  "process.environment": viaLauncher("exported"),
  "process.environmentFiles": viaLauncher("read"),
  "identity.user": viaLauncher("setpriv"),
  "identity.group": viaLauncher("setpriv"),
  "identity.supplementaryGroups": viaLauncher("setpriv --groups"),
  "directories.state.paths": viaLauncher("created with the service's owner"),
  "directories.state.mode": viaLauncher("chmod"),
  "directories.runtime.paths": viaLauncher("created with the service's owner at each start"),
  "directories.runtime.mode": viaLauncher("chmod"),
  "process.type=oneshot": {
    sysvinit: E("runs in the script's start"),
    busybox: E("runs in the script's start"),
    openrc: D("an openrc-run start() leaves the service `started`, never back to stopped"),
    runit: E("finish script takes the service down"),
    s6: E("finish exits 125"),
    supervisord: E("autorestart=false"),
    daemontools: D("supervise restarts every exit"),
  },
  "process.remainAfterExit": {
    sysvinit: E("a marker file"),
    busybox: E("a marker file"),
    runit: E("the launcher sleeps after the command"),
    s6: E("the launcher sleeps after the command"),
    supervisord: E("the launcher sleeps after the command"),
    daemontools: D("supervise restarts every exit"),
  },
  "restart.policy=always": {
    sysvinit: D("sysvinit does not supervise rc-script services"),
    busybox: D("the init.d script is not supervised"),
    openrc: N,
  },
  "restart.policy=on-failure": {
    sysvinit: D("sysvinit does not supervise rc-script services"),
    busybox: D("the init.d script is not supervised"),
    openrc: D("supervise-daemon respawns after any exit"),
    runit: E("finish script takes the service down after exit 0"),
    s6: E("finish exits 125 after exit 0"),
    daemontools: D("supervise restarts every exit"),
  },
  "restart.policy=no": {
    runit: E("finish script takes the service down"),
    s6: E("finish exits 125"),
    daemontools: D("supervise restarts every exit"),
  },
  "dependencies.requires": {
    sysvinit: E("start() starts what it requires first"),
    busybox: E("start() starts what it requires first"),
    runit: E("run starts what it requires and waits for it"),
    s6: E("run starts what it requires and waits for it"),
    daemontools: E("run starts what it requires and waits for it"),
    supervisord: D("supervisord has priorities, not dependencies"),
  },
  "dependencies.after": {
    sysvinit: E("start() starts what it requires first"),
    busybox: E("start() starts what it requires first"),
    runit: E("run waits for it"),
    s6: E("run waits for it"),
    daemontools: E("run waits for it"),
    supervisord: E("priority orders the start at boot"),
  },
  "process.type=notify": Object.fromEntries(
    NON_SYSTEMD.map((i) => [i, D("no sd_notify readiness protocol")]),
  ),
  "stop.signal": {
    sysvinit: E("start-stop-daemon --retry"),
    busybox: E("start-stop-daemon --retry"),
    runit: E("control/d sends it"),
    daemontools: D("svc -d always sends SIGTERM"),
  },
  "stop.timeoutSec": {
    sysvinit: E("start-stop-daemon --retry"),
    busybox: E("start-stop-daemon --retry"),
    runit: E("control/d kills after the timeout"),
    daemontools: D("supervise never escalates to SIGKILL"),
  },
  "lifecycle.reload": {
    sysvinit: E("the script's reload sends SIGHUP"),
    busybox: E("the script's reload sends SIGHUP"),
    openrc: E("reload() sends SIGHUP"),
  },
};

/** The stand-in generators' capability of one feature on one init. */
export function standInCapabilityOf(feature: string, init: InitName): ExpectedCapability {
  const row = TABLE[feature];
  if (row === undefined)
    throw new Error(`compliance: feature ${feature} is not in the expected-capability table`);
  return row[init] ?? N;
}
