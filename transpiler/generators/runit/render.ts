/**
 * The runit target: a service directory /etc/sv/<name> with `run`, `finish` (ExecStopPost= and the restart
 * policy: runit restarts everything, so finish runs `sv down` when systemd would not restart), `log/run`
 * (svlogd), `control/d` (ExecStop=, KillSignal=), `control/t`, `control/h` (ExecReload=) and a `down` file
 * for services that do not start at boot. install.sh links /etc/service/<name> in the generated start
 * order and waits for each to come up, since runit itself does not order.
 */
import type { Command } from "../../spec/schema.js";
import { execLine } from "../exec-line.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type ServicePlan, startsAtBoot } from "../plan.js";
import { finishScript, header, runScript, type SupervisionCommands } from "../service-dir.js";
import { shJoin } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const SV = "/etc/sv";
const SERVICE = "/etc/service";

const COMMANDS: SupervisionCommands = {
  waitFor: (n, t) => `sv -w ${Math.ceil(t)} check ${shJoin([`${SERVICE}/${n}`])} >/dev/null`,
  stayDown: "sv down . >/dev/null 2>&1 || :",
  finishArgs: [
    "# runit passes the exit code, or -1 and the signal number",
    'if [ "${1:--1}" = -1 ]; then set -- --exit-signal "${2:-0}"; else set -- --exit-code "$1"; fi',
  ],
  finalExit: "exit 0",
};

function control(plan: ServicePlan, key: string, steps: string[], signal: string | undefined): GeneratedFile {
  const body = [
    ...header(plan, `control/${key}`),
    "# runsv runs this before acting on the command; exit 0 means it need not send its own signal",
    ...steps,
    ...(signal ? [`kill -s ${signal.replace(/^SIG/, "")} "$(cat supervise/pid)"`, "exit 0"] : ["exit 1"]),
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
  const stop = plan.spec.lifecycle?.stop;
  if (stop || signal) files.push(control(plan, "d", stop ? stepsWithPid(plan, stop, "stop") : [], signal));
  if (signal) files.push(control(plan, "t", [], signal));
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
  return {
    files,
    enable: [shJoin(["ln", "-sfn", dir, link])],
    start: startsAtBoot(plan)
      ? [
          `i=0; while [ ! -e ${shJoin([`${link}/supervise/ok`])} ] && [ "$i" -lt 15 ]; do sleep 1; i=$((i + 1)); done`,
          `${shJoin(["sv", "-w", "10", "up", link])} >/dev/null || :`,
        ]
      : [],
    stop: [shJoin(["sv", "-w", "10", "down", link])],
    disable: [shJoin(["rm", "-f", link])],
  };
}

export const runitGenerator = defineGenerator({ target: "runit", helper: true, renderService });
