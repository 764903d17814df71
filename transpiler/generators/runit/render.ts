/**
 * The runit target: a service directory /etc/sv/<name> with `run`, `finish` (ExecStopPost= and the restart
 * policy: runit restarts everything, so finish runs `sv down` when systemd would not restart), `log/run`
 * (svlogd), `control/t` (ExecStop=, KillSignal=, TimeoutStopSec=: runsv runs it on `sv down` and `sv restart`
 * before it would send SIGTERM itself), `control/h` (ExecReload=)
 * and a `down` file for services that do not start at boot. `run` starts the generated services it
 * requires and waits for them (`sv -w … start`). install.sh links /etc/service/<name> in the generated start
 * order and waits for each to come up, since runit itself does not order.
 */
import type { Command } from "../../spec/schema.js";
import { execLine, stopTimeout } from "../exec-line.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type ServicePlan, startsAtBoot } from "../plan.js";
import {
  finishScript,
  header,
  runScript,
  type SupervisionCommands,
  scannedLinkActivation,
} from "../service-dir.js";
import { shJoin } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const SV = "/etc/sv";
const SERVICE = "/etc/service";

const COMMANDS: SupervisionCommands = {
  pullIn: {
    startAndWait: (n, t) => `sv -w ${Math.ceil(t)} start ${shJoin([`${SERVICE}/${n}`])} >/dev/null`,
    startNoWait: (n) => `sv up ${shJoin([`${SERVICE}/${n}`])}`,
  },
  // runsv reads its control pipe only after it has handled a finished child: wait until it reports
  // "want down", or it may restart the service before it sees the request.
  stayDown: [
    "sv down . >/dev/null 2>&1",
    "i=0; until sv status . 2>/dev/null | grep -q 'want down' || [ \"$i\" -ge 50 ]; do sleep 0.1; i=$((i + 1)); done",
  ].join("; "),
  finishArgs: [
    "# runit passes the exit code, or -1 and the signal number",
    'if [ "${1:--1}" = -1 ]; then set -- --exit-signal "${2:-0}"; else set -- --exit-code "$1"; fi',
  ],
  finalExit: "exit 0",
};

/**
 * control/<key>: runsv runs it before acting on the command; for `t` (which `sv down` goes through too),
 * exit 0 means runsv sends no signal itself. With
 * KillSignal= or TimeoutStopSec=, it signals the process itself, and SIGKILLs it after the timeout if it is
 * still the service's process then.
 */
function control(
  plan: ServicePlan,
  key: string,
  steps: string[],
  signal: string | undefined,
  timeout: number | undefined,
): GeneratedFile {
  const sig = (signal ?? "SIGTERM").replace(/^SIG/, "");
  const kill =
    signal || timeout !== undefined
      ? [
          'pid=$(cat supervise/pid 2>/dev/null); [ -n "$pid" ] || exit 1',
          `kill -s ${sig} "$pid"; kill -s CONT "$pid" 2>/dev/null`,
          ...(timeout !== undefined
            ? [
                "# TimeoutStopSec=: SIGKILL if it is still running then",
                `( sleep ${timeout}; [ "$(cat supervise/pid 2>/dev/null)" = "$pid" ] && kill -s KILL "$pid" ) >/dev/null 2>&1 &`,
              ]
            : []),
          "exit 0",
        ]
      : ["exit 1"];
  const body = [
    ...header(plan, `control/${key}`),
    "# runsv runs this before acting on the command; exit 0 means it need not send its own signal",
    ...steps,
    ...kill,
    "",
  ];
  return { path: `rootfs${SV}/${plan.spec.name}/control/${key}`, content: body.join("\n"), mode: 0o755 };
}

function stepsWithPid(plan: ServicePlan, cmds: readonly Command[], role: "stop" | "reload"): string[] {
  return cmds.map(
    (c) =>
      `${shJoin(execLine(plan, c, role, { always: true, extra: ["--mainpid-file", "supervise/pid"] }))} || :`,
  );
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const name = plan.spec.name;
  const dir = `${SV}/${name}`;
  const files: GeneratedFile[] = [];
  const pause = plan.type === "oneshot" && plan.spec.process?.remainAfterExit === true;
  const seq = { pauseAfter: pause };
  files.push({ path: `rootfs${dir}/run`, content: runScript(ctx, COMMANDS, seq), mode: 0o755 });
  files.push({ path: `rootfs${dir}/finish`, content: finishScript(plan, COMMANDS, seq), mode: 0o755 });
  const logDir = `${plan.layout.log}/${name}`;
  files.push({
    path: `rootfs${dir}/log/run`,
    content: [
      ...header(plan, "log/run"),
      `mkdir -p ${shJoin([logDir])}`,
      `exec svlogd -tt ${shJoin([logDir])}`,
      "",
    ].join("\n"),
    mode: 0o755,
  });
  const signal =
    plan.spec.stop?.signal && plan.spec.stop.signal !== "SIGTERM" ? plan.spec.stop.signal : undefined;
  const timeout = plan.spec.stop?.timeoutSec !== undefined ? stopTimeout(plan) : undefined;
  const stop = plan.spec.lifecycle?.stop;
  // For `sv down` (and `sv restart`), runsv runs control/t, sends SIGTERM unless it exited 0, and only then
  // runs control/d (whose exit status it ignores): ExecStop= and the stop signal belong in control/t.
  if (stop || signal || timeout !== undefined)
    files.push(control(plan, "t", stop ? stepsWithPid(plan, stop, "stop") : [], signal, timeout));
  const reload = plan.spec.lifecycle?.reload;
  if (reload) {
    files.push({
      path: `rootfs${dir}/control/h`,
      content: [
        ...header(plan, "control/h (ExecReload=)"),
        ...stepsWithPid(plan, reload, "reload").map((l) => l.replace(/ \|\| :$/, " || exit 1")),
        "exit 0",
        "",
      ].join("\n"),
      mode: 0o755,
    });
  }
  if (!startsAtBoot(plan)) files.push({ path: `rootfs${dir}/down`, content: "", mode: 0o644 });
  const link = `${SERVICE}/${name}`;
  const activation = scannedLinkActivation(name, dir, link, startsAtBoot(plan), {
    waitSupervisor: `i=0; while [ ! -e ${shJoin([`${link}/supervise/ok`])} ] && [ "$i" -lt 15 ]; do sleep 1; i=$((i + 1)); done`,
    checkFresh: `${shJoin(["sv", "-w", "10", "check", link])} >/dev/null || :`,
    startLinked: `${shJoin(["sv", "-w", "10", "up", link])} >/dev/null || :`,
  });
  return {
    files,
    ...activation,
    stop: [shJoin(["sv", "-w", "10", "down", link])],
    disable: [shJoin(["rm", "-f", link])],
  };
}

export const runitGenerator = defineGenerator({ target: "runit", helper: true, renderService });
