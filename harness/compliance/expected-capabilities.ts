/**
 * The capability cells the compliance suite checks, for the features its scenarios exercise, in the
 * naming of `transpiler/capabilities/` (`identity.user`, `restart.policy=on-failure`, …). While the real
 * generators are not there, the suite installs the harness's stand-in generators, so this table states
 * what the stand-ins do; when the generators and their table land, `capabilityOf` here becomes a lookup
 * in that table and the suite proves it instead. A scenario's expectation is its worst feature:
 * native < emulated < dropped.
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
  "directories.state": viaLauncher("created with owner and mode"),
  "directories.runtime": viaLauncher("created with owner and mode at each start"),
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

/** The expected capability of one feature on one init. */
export function capabilityOf(feature: string, init: InitName): ExpectedCapability {
  const row = TABLE[feature];
  if (row === undefined)
    throw new Error(`compliance: feature ${feature} is not in the expected-capability table`);
  return row[init] ?? N;
}

const RANK: Readonly<Record<ExpectedStatus, number>> = { native: 0, emulated: 1, dropped: 2 };

/** The worst capability among features, with the notes of the features that make it so. */
export function scenarioCapability(features: readonly string[], init: InitName): ExpectedCapability {
  let worst: ExpectedStatus = "native";
  for (const f of features) {
    const c = capabilityOf(f, init);
    if (RANK[c.status] > RANK[worst]) worst = c.status;
  }
  const notes = features
    .map((f) => [f, capabilityOf(f, init)] as const)
    .filter(([, c]) => c.status === worst && c.note)
    .map(([f, c]) => `${f}: ${c.note}`);
  return notes.length ? { status: worst, note: notes.join("; ") } : { status: worst };
}
