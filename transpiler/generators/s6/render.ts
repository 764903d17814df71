/**
 * The s6 target: a service directory /etc/s6/sv/<name> linked into the scan directory /etc/s6/scan with
 * s6-svlink. `run` starts the services it requires and waits for them (`s6-svc -wU -u`), runs the start
 * sequence and execs the main
 * process through psl-run, which signals readiness on the `notification-fd` just before exec (Type=exec
 * semantics); `finish` runs ExecStopPost= and exits 125 (s6's "do not restart") when systemd would not
 * restart; `down-signal` and `timeout-kill` carry KillSignal= and TimeoutStopSec=; `log/run` runs s6-log.
 * ExecReload= is psl's reload script, with $MAINPID from `s6-svstat -o pid`.
 */

import { reloadLauncher } from "../launcher.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { startsAtBoot } from "../plan.js";
import { finishScript, header, runScript, type SupervisionCommands } from "../service-dir.js";
import { shJoin, shQuote } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const SV = "/etc/s6/sv";
const SCAN = "/etc/s6/scan";
const READY_FD = "3";

const COMMANDS: SupervisionCommands = {
  pullIn: {
    startAndWait: (n, t) => `s6-svc -wU -T ${Math.ceil(t * 1000)} -u ${shJoin([`${SCAN}/${n}`])}`,
    startNoWait: (n) => `s6-svc -u ${shJoin([`${SCAN}/${n}`])}`,
  },
  stayDown: "s6-svc -d . || :",
  finishArgs: [
    "# s6 passes the exit code, or 256 and the signal number",
    'if [ "${1:-256}" = 256 ]; then set -- --exit-signal "${2:-0}"; else set -- --exit-code "$1"; fi',
  ],
  finalExit: "exit 125",
};

export function s6Files(ctx: ServiceContext, dir: string, commands: SupervisionCommands): GeneratedFile[] {
  const plan = ctx.plan;
  const name = plan.spec.name;
  const pause = plan.type === "oneshot" && plan.spec.process?.remainAfterExit === true;
  const seq = { pauseAfter: pause, mainExtra: ["--ready-fd", READY_FD] };
  const files: GeneratedFile[] = [
    { path: `rootfs${dir}/run`, content: runScript(ctx, commands, seq), mode: 0o755 },
    { path: `rootfs${dir}/finish`, content: finishScript(plan, commands, seq), mode: 0o755 },
    { path: `rootfs${dir}/notification-fd`, content: `${READY_FD}\n`, mode: 0o644 },
  ];
  const stop = plan.spec.stop;
  if (stop?.signal && stop.signal !== "SIGTERM")
    files.push({ path: `rootfs${dir}/down-signal`, content: `${stop.signal}\n`, mode: 0o644 });
  if (typeof stop?.timeoutSec === "number")
    files.push({
      path: `rootfs${dir}/timeout-kill`,
      content: `${Math.round(stop.timeoutSec * 1000)}\n`,
      mode: 0o644,
    });
  const delay = plan.spec.restart?.delaySec;
  if (typeof delay === "number" && delay > 4)
    files.push({
      path: `rootfs${dir}/timeout-finish`,
      content: `${Math.round((delay + 5) * 1000)}\n`,
      mode: 0o644,
    });
  const logDir = `${plan.layout.log}/${name}`;
  files.push({
    path: `rootfs${dir}/log/run`,
    content: [
      ...header(plan, "log/run"),
      `mkdir -p ${shJoin([logDir])}`,
      `exec s6-log -b n10 T ${shJoin([logDir])}`,
      "",
    ].join("\n"),
    mode: 0o755,
  });
  if (!startsAtBoot(plan)) files.push({ path: `rootfs${dir}/down`, content: "", mode: 0o644 });
  return files;
}

function renderService(ctx: ServiceContext): RenderedService {
  const name = ctx.plan.spec.name;
  const dir = `${SV}/${name}`;
  const link = `${SCAN}/${name}`;
  const reload = reloadLauncher(ctx.plan, `s6-svstat -o pid ${shQuote(link)}`);
  return {
    files: [...s6Files(ctx, dir, COMMANDS), ...(reload ? [reload] : [])],
    enable: [`[ -e ${shJoin([link])} ] || ${shJoin(["s6-svlink", SCAN, dir])}`],
    start: startsAtBoot(ctx.plan)
      ? [`${shJoin(["s6-svc", "-u", link])} || :`, `${shJoin(["s6-svwait", "-u", "-t", "10000", link])} || :`]
      : [],
    stop: [shJoin(["s6-svc", "-wD", "-T", "10000", "-d", link])],
    disable: [shJoin(["s6-svunlink", SCAN, name])],
  };
}

export const s6Generator = defineGenerator({ target: "s6", helper: true, renderService });
