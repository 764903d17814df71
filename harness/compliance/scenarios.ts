/**
 * The compliance scenarios: each is a set of ServiceSpecs (running psl's probe), the capability-table
 * features it exercises, and a check written once against the Machine API that asserts what the
 * services do (the port answers, the pid changes after a kill, the directory has mode 0750, argv arrives
 * byte for byte). A check returns the facts worth comparing with systemd's run (the differential view).
 */
import { expect } from "vitest";
import type { ServiceSpec } from "../../transpiler/spec/schema.js";
import type { Machine } from "../machines/machine.js";
import {
  clearProbe,
  envOf,
  probeArgv,
  readProbe,
  textOf,
  waitForEvent,
  waitForStarts,
} from "./probe-facts.js";

/** What a scenario's check may use. */
export interface ScenarioContext {
  readonly machine: Machine;
  /** Installs this scenario's specs with the machine's generator and starts them (not with `noStart`). */
  install(options?: { readonly noStart?: boolean }): Promise<void>;
}

export type FactView = Readonly<Record<string, unknown>>;

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Capability-table features; the scenario's expectation is the worst of them. */
  readonly features: readonly string[];
  readonly specs: readonly ServiceSpec[];
  /** Whether the probe's facts are worth comparing with systemd's (what the process was given). */
  readonly differential?: boolean;
  run(ctx: ScenarioContext): Promise<FactView>;
}

/** A scenario service: enabled at boot like a NixOS service (`wantedBy = [ "multi-user.target" ]`). */
function service(spec: ServiceSpec): ServiceSpec {
  return { ...spec, dependencies: { ...spec.dependencies, wantedBy: ["multi-user.target"] } };
}

const pidsGone = (m: Machine, name: string) =>
  m.waitUntilFails(`pgrep -f -- '--psl-name ${name}( |$)'`, { timeout: 20 });

export const ADVERSARIAL_ARGS = [
  "a b",
  "it's",
  '"double"',
  "$HOME",
  "${PATH}",
  "back\\slash",
  "new\nline",
  "tab\there",
  "ünïcødé ☃",
  "*",
  "",
  "%n %% %i",
  ";rm -rf /",
  "`id`",
  "$(id)",
  "-",
  "--",
  "'",
] as const;
export const ADVERSARIAL_ENV = "a 'b' \"c\" $d ${e} `f` \\g %h\ni";

const lifecycle: Scenario = {
  name: "lifecycle",
  differential: true,
  description: "start, status, restart (new pid), stop (port closed), start again",
  features: ["process.start"],
  specs: [service({ name: "lc", process: { start: [{ argv: probeArgv("lc", "--psl-listen", "18101") }] } })],
  async run({ machine: m, install }) {
    await install();
    await m.waitForUnit("lc", { timeout: 20 });
    await m.waitForOpenPort(18101, { timeout: 20 });
    const first = await waitForStarts(m, "lc", 1);
    const pid1 = first.starts[0]?.pid;
    const restart = await m.restartJob("lc");
    expect(restart.exitCode, restart.stderr).toBe(0);
    const second = await waitForStarts(m, "lc", 2, 20);
    expect(second.starts[1]?.pid).not.toBe(pid1);
    await m.waitForOpenPort(18101, { timeout: 20 });
    const stop = await m.stopJob("lc");
    expect(stop.exitCode, stop.stderr).toBe(0);
    await m.waitForClosedPort(18101, { timeout: 20 });
    expect(await m.getUnitState("lc")).toBe("inactive");
    const start = await m.startJob("lc");
    expect(start.exitCode, start.stderr).toBe(0);
    await m.waitForUnit("lc", { timeout: 20 });
    await m.waitForOpenPort(18101, { timeout: 20 });
    return {
      argv: first.starts[0]?.argv.map(textOf),
      cwd: first.starts[0]?.cwd,
      user: first.starts[0]?.user,
    };
  },
};

const oneshot: Scenario = {
  name: "oneshot",
  description: "a oneshot runs to completion and ends inactive",
  features: ["process.type=oneshot"],
  specs: [
    service({
      name: "os",
      process: { type: "oneshot", start: [{ argv: probeArgv("os", "--psl-exit-after", "0") }] },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForEvent(m, "os", "its exit", (e) => e.event === "exit");
    await m.waitFor(
      {
        description: "unit os to be inactive",
        check: async () => {
          const s = await m.getUnitState("os");
          return { ok: s === "inactive", seen: s };
        },
      },
      { timeout: 20 },
    );
    const r = await readProbe(m, "os");
    expect(r.starts).toHaveLength(1);
    return { starts: r.starts.length, exit: r.events.find((e) => e.event === "exit")?.code };
  },
};

const oneshotRemain: Scenario = {
  name: "oneshot-remain",
  description: "a oneshot with RemainAfterExit stays active after its command exited",
  features: ["process.type=oneshot", "process.remainAfterExit"],
  specs: [
    service({
      name: "osr",
      process: {
        type: "oneshot",
        remainAfterExit: true,
        start: [{ argv: probeArgv("osr", "--psl-exit-after", "0") }],
      },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForEvent(m, "osr", "its exit", (e) => e.event === "exit");
    await pidsGone(m, "osr");
    await m.waitForUnit("osr", { timeout: 20 });
    await new Promise((r) => setTimeout(r, 1500));
    await m.requireUnitState("osr", "active");
    expect((await readProbe(m, "osr")).starts).toHaveLength(1);
    return { state: "active" };
  },
};

const restartAlways: Scenario = {
  name: "restart-always",
  description: "Restart=always: SIGKILL of the main process brings a new pid and the port back",
  features: ["restart.policy=always"],
  specs: [
    service({
      name: "ra",
      process: { start: [{ argv: probeArgv("ra", "--psl-listen", "18104") }] },
      restart: { policy: "always", delaySec: 0.5 },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await m.waitForOpenPort(18104, { timeout: 20 });
    const first = await waitForStarts(m, "ra", 1);
    const pid = first.starts[0]?.pid ?? 0;
    await m.succeed(`kill -9 ${pid}`);
    const again = await waitForStarts(m, "ra", 2, 20);
    expect(again.starts[1]?.pid).not.toBe(pid);
    await m.waitForOpenPort(18104, { timeout: 20 });
    return { restarted: true };
  },
};

const restartOnFailure: Scenario = {
  name: "restart-on-failure",
  description: "Restart=on-failure: exit 3 is restarted, exit 0 is not",
  features: ["restart.policy=on-failure"],
  specs: [
    service({
      name: "rof",
      process: { start: [{ argv: probeArgv("rof", "--psl-exit-after", "1", "--psl-exit-code", "3") }] },
      restart: { policy: "on-failure", delaySec: 0.5 },
    }),
    service({
      name: "rok",
      process: { start: [{ argv: probeArgv("rok", "--psl-exit-after", "1", "--psl-exit-code", "0") }] },
      restart: { policy: "on-failure", delaySec: 0.5 },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForStarts(m, "rof", 2, 25);
    await waitForEvent(m, "rok", "its exit", (e) => e.event === "exit");
    await new Promise((r) => setTimeout(r, 4000));
    expect((await readProbe(m, "rok")).starts.length, "a clean exit must not be restarted").toBe(1);
    return { failedRestarted: true, cleanRestarted: false };
  },
};

const restartNo: Scenario = {
  name: "restart-no",
  description: "Restart=no: after SIGKILL the service stays down",
  features: ["restart.policy=no"],
  specs: [
    service({
      name: "rno",
      process: { start: [{ argv: probeArgv("rno", "--psl-listen", "18106") }] },
      restart: { policy: "no" },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await m.waitForOpenPort(18106, { timeout: 20 });
    const first = await waitForStarts(m, "rno", 1);
    await m.succeed(`kill -9 ${first.starts[0]?.pid ?? 0}`);
    await new Promise((r) => setTimeout(r, 4000));
    await m.waitForClosedPort(18106, { timeout: 5 });
    expect((await readProbe(m, "rno")).starts).toHaveLength(1);
    return { restarted: false };
  },
};

const ordering: Scenario = {
  name: "ordering",
  description: "Requires= + After=: starting b starts a first",
  features: ["dependencies.requires", "dependencies.after"],
  specs: [
    service({
      name: "ord-a",
      process: { start: [{ argv: probeArgv("ord-a", "--psl-listen", "18107") }] },
    }),
    service({
      name: "ord-b",
      process: { start: [{ argv: probeArgv("ord-b") }] },
      dependencies: { requires: ["ord-a.service"], after: ["ord-a.service"] },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForStarts(m, "ord-b", 1);
    await m.stopJob("ord-b");
    await m.stopJob("ord-a");
    await m.waitForClosedPort(18107, { timeout: 20 });
    await clearProbe(m, "ord-a");
    await clearProbe(m, "ord-b");
    const r = await m.startJob("ord-b");
    expect(r.exitCode, r.stderr).toBe(0);
    const b = await waitForStarts(m, "ord-b", 1, 20);
    const a = await waitForStarts(m, "ord-a", 1, 20);
    await m.waitForOpenPort(18107, { timeout: 20 });
    // After= orders only the fork of a simple service: a's and b's interpreters then race to record
    // their start (a's may pass through one more psl-run layer, which takes up to a second on a loaded
    // 2-core machine), so allow that slack; a reversed order shows up as a's start well after b's.
    expect(a.starts[0]?.time ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual((b.starts[0]?.time ?? 0) + 1.5);
    return { aBeforeB: true };
  },
};

const readiness: Scenario = {
  name: "readiness",
  description: "Type=notify: the start job returns only after the service said READY=1",
  features: ["process.type=notify"],
  specs: [
    service({
      name: "rdy",
      process: {
        type: "notify",
        start: [{ argv: probeArgv("rdy", "--psl-notify", "--psl-ready-delay", "2") }],
      },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await m.stopJob("rdy");
    await pidsGone(m, "rdy");
    await clearProbe(m, "rdy");
    const r = await m.startJob("rdy");
    expect(r.exitCode, r.stderr).toBe(0);
    const seen = await readProbe(m, "rdy");
    expect(
      seen.events.map((e) => e.event),
      "ready must be recorded when start returns",
    ).toContain("ready");
    return { readyBeforeStartReturned: true };
  },
};

const identity: Scenario = {
  name: "identity",
  differential: true,
  description: "User=, Group=, SupplementaryGroups=",
  features: ["identity.user", "identity.group", "identity.supplementaryGroups"],
  specs: [
    service({
      name: "idn",
      process: { start: [{ argv: probeArgv("idn") }] },
      identity: { user: "psl-idn", group: "psl-idn", supplementaryGroups: ["psl-extra"] },
      accounts: {
        users: [{ name: "psl-idn", group: "psl-idn", isSystemUser: true }],
        groups: [{ name: "psl-idn" }, { name: "psl-extra" }],
      },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    const s = (await waitForStarts(m, "idn", 1)).starts[0];
    expect(s?.user).toBe("psl-idn");
    expect(s?.group).toBe("psl-idn");
    expect(s?.groupNames).toContain("psl-extra");
    expect(s?.uid).not.toBe(0);
    return { user: s?.user, group: s?.group, groups: s?.groupNames };
  },
};

const directories: Scenario = {
  name: "directories",
  differential: true,
  description: "StateDirectory= and RuntimeDirectory= exist with the service's owner and the given modes",
  features: [
    "directories.state.paths",
    "directories.state.mode",
    "directories.runtime.paths",
    "directories.runtime.mode",
  ],
  specs: [
    service({
      name: "dirs",
      process: { start: [{ argv: probeArgv("dirs") }] },
      identity: { user: "psl-dirs" },
      directories: {
        state: { paths: ["psl-dirs-state"], mode: "0750" },
        runtime: { paths: ["psl-dirs-run"], mode: "0755" },
      },
      accounts: {
        users: [{ name: "psl-dirs", group: "psl-dirs", isSystemUser: true }],
        groups: [{ name: "psl-dirs" }],
      },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForStarts(m, "dirs", 1);
    const state = (await m.succeed("stat -c '%U:%G %a' /var/lib/psl-dirs-state")).trim();
    const runtime = (await m.succeed("stat -c '%U:%G %a' /run/psl-dirs-run")).trim();
    expect(state).toBe("psl-dirs:psl-dirs 750");
    expect(runtime).toBe("psl-dirs:psl-dirs 755");
    await m.succeed("su -s /bin/sh psl-dirs -c 'touch /var/lib/psl-dirs-state/w /run/psl-dirs-run/w'");
    return { state, runtime };
  },
};

const environment: Scenario = {
  name: "environment",
  differential: true,
  description: "Environment= and EnvironmentFile= reach the process",
  features: ["process.environment", "process.environmentFiles"],
  specs: [
    service({
      name: "env",
      process: {
        start: [{ argv: probeArgv("env") }],
        environment: { GREETING: "hello world", EMPTY: "" },
        environmentFiles: [
          { path: "/etc/psl-env/env.conf" },
          { path: "/etc/psl-env/missing.conf", optional: true },
        ],
      },
      configFiles: [{ path: "/etc/psl-env/env.conf", text: "# comment\nFROM_FILE=yes\nSECOND=two words\n" }],
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    const s = (await waitForStarts(m, "env", 1)).starts[0];
    const env = s ? envOf(s) : {};
    const view = { GREETING: env.GREETING, EMPTY: env.EMPTY, FROM_FILE: env.FROM_FILE, SECOND: env.SECOND };
    expect(view).toEqual({ GREETING: "hello world", EMPTY: "", FROM_FILE: "yes", SECOND: "two words" });
    return view;
  },
};

const adversarial: Scenario = {
  name: "adversarial",
  differential: true,
  description:
    "arguments and environment values with quotes, $, backslashes, newlines, % and unicode arrive byte for byte",
  features: ["process.start", "commands.expandEnvironment", "process.environment"],
  specs: [
    service({
      name: "adv",
      process: {
        start: [{ argv: probeArgv("adv", ...ADVERSARIAL_ARGS), expandEnvironment: false }],
        environment: { ADV: ADVERSARIAL_ENV },
      },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    const s = (await waitForStarts(m, "adv", 1)).starts[0];
    const argv = (s?.argv ?? []).map(textOf);
    // sys.argv starts at the script: [probe.py, --psl-name, adv, ...arguments]
    expect(argv.slice(3)).toEqual([...ADVERSARIAL_ARGS]);
    expect(s ? envOf(s).ADV : undefined).toBe(ADVERSARIAL_ENV);
    return { argv: argv.slice(1), adv: ADVERSARIAL_ENV };
  },
};

const stopSignal: Scenario = {
  name: "stop-signal",
  description: "KillSignal=SIGINT: stop sends SIGINT, not SIGTERM",
  features: ["stop.signal"],
  specs: [
    service({
      name: "sig",
      process: { start: [{ argv: probeArgv("sig") }] },
      stop: { signal: "SIGINT" },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForStarts(m, "sig", 1);
    const r = await m.stopJob("sig");
    expect(r.exitCode, r.stderr).toBe(0);
    const rec = await waitForEvent(m, "sig", "a signal", (e) => e.event === "signal", 20);
    const first = rec.events.find((e) => e.event === "signal")?.signal;
    expect(first).toBe("SIGINT");
    return { signal: first };
  },
};

const stopTimeout: Scenario = {
  name: "stop-timeout",
  description: "TimeoutStopSec=2 on a process that ignores SIGTERM: killed after about 2 s",
  features: ["stop.timeoutSec"],
  specs: [
    service({
      name: "tmo",
      process: { start: [{ argv: probeArgv("tmo", "--psl-ignore-term") }] },
      stop: { timeoutSec: 2 },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForStarts(m, "tmo", 1);
    const t0 = Date.now();
    await m.stopJob("tmo");
    await pidsGone(m, "tmo");
    const secs = (Date.now() - t0) / 1000;
    const rec = await readProbe(m, "tmo");
    expect(
      rec.events.some((e) => e.event === "signal" && e.signal === "SIGTERM"),
      "SIGTERM first",
    ).toBe(true);
    expect(secs).toBeGreaterThanOrEqual(1.5);
    expect(secs).toBeLessThan(15);
    return { termThenKill: true };
  },
};

const reload: Scenario = {
  name: "reload",
  description: "ExecReload= kill -HUP $MAINPID: the process records a reload and keeps its pid",
  features: ["lifecycle.reload"],
  specs: [
    service({
      name: "rld",
      process: { start: [{ argv: probeArgv("rld") }] },
      lifecycle: { reload: [{ argv: ["/bin/kill", "-HUP", "$MAINPID"] }] },
    }),
  ],
  async run({ machine: m, install }) {
    await install();
    await waitForStarts(m, "rld", 1);
    await new Promise((r) => setTimeout(r, 500));
    const r = await m.reloadJob("rld");
    expect(r.exitCode, r.stderr).toBe(0);
    const rec = await waitForEvent(m, "rld", "a reload", (e) => e.event === "reload", 20);
    expect(rec.starts).toHaveLength(1);
    return { reloads: rec.events.filter((e) => e.event === "reload").length };
  },
};

const stopHooks: Scenario = {
  name: "stop-hooks",
  description:
    "ExecStop= runs with $MAINPID while the main process lives, before it gets the stop signal; ExecStopPost= runs after it exited",
  features: ["lifecycle.stop", "lifecycle.stopPost"],
  specs: [
    service({
      name: "stp",
      process: { start: [{ argv: probeArgv("stp") }] },
      lifecycle: {
        stop: [{ argv: probeArgv("stp-stop", "--psl-exit-after", "0") }],
        stopPost: [{ argv: probeArgv("stp-post", "--psl-exit-after", "0") }],
      },
    }),
  ],
  async run({ machine: m, install }) {
    for (const n of ["stp", "stp-stop", "stp-post"]) await clearProbe(m, n);
    await install();
    const main = (await waitForStarts(m, "stp", 1)).starts[0];
    await new Promise((r) => setTimeout(r, 500));
    const r = await m.stopJob("stp");
    expect(r.exitCode, r.stderr).toBe(0);
    const post = (await waitForStarts(m, "stp-post", 1, 20)).starts[0];
    const stop = (await readProbe(m, "stp-stop")).starts[0];
    const exit = (await readProbe(m, "stp")).events.find((e) => e.event === "exit" && e.pid === main?.pid);
    expect(stop, "ExecStop= ran").toBeDefined();
    expect(stop ? envOf(stop).MAINPID : undefined, "$MAINPID").toBe(String(main?.pid));
    expect(stop?.mainpidAlive, "the main process lives while ExecStop= runs").toBe(true);
    expect(exit, "the main process recorded its exit").toBeDefined();
    expect(stop?.time ?? Number.POSITIVE_INFINITY, "ExecStop= before the exit").toBeLessThan(exit?.time ?? 0);
    expect(post?.time ?? 0, "ExecStopPost= after the exit").toBeGreaterThan(
      exit?.time ?? Number.POSITIVE_INFINITY,
    );
    return { stopSawMainAlive: true, stopPostAfterExit: true };
  },
};

const noStart: Scenario = {
  name: "no-start",
  description:
    "install.sh with PSL_NO_START=1 enables a service without starting it; a start request starts it",
  features: ["process.start"],
  specs: [
    service({ name: "nst", process: { start: [{ argv: probeArgv("nst", "--psl-listen", "18141") }] } }),
  ],
  async run({ machine: m, install }) {
    await install({ noStart: true });
    // Longer than the 5-second scan of runsvdir and svscan: a supervisor that would start it has by now.
    await new Promise((r) => setTimeout(r, 7000));
    const running = await m.execute("pgrep -f -- '--psl-name nst( |$)'");
    expect(running.exitCode, "the service runs after PSL_NO_START=1").not.toBe(0);
    // Enabled for the next boot: no `down` file left in its service directory (runit, daemontools, s6).
    const down = await m.execute("find /etc -path '*/nst/down' 2>/dev/null");
    expect(down.stdout.trim(), "a down file is left").toBe("");
    await m.startJob("nst");
    await m.waitForUnit("nst", { timeout: 20 });
    await m.waitForOpenPort(18141, { timeout: 20 });
    return { startedByInstall: false };
  },
};

export const SCENARIOS: readonly Scenario[] = [
  lifecycle,
  oneshot,
  oneshotRemain,
  restartAlways,
  restartOnFailure,
  restartNo,
  ordering,
  readiness,
  identity,
  directories,
  environment,
  adversarial,
  stopSignal,
  stopTimeout,
  reload,
  stopHooks,
  noStart,
];
