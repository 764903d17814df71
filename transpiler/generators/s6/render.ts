/**
 * The s6 target: a service directory /etc/s6/sv/<name> linked into the scan directory /etc/s6/scan with
 * s6-svlink. `run` starts the services it requires and waits for them (`s6-svc -wU -u`), runs the start
 * sequence and execs the main
 * process through psl-run, which signals readiness on the `notification-fd` just before exec (Type=exec
 * semantics); `finish` runs ExecStopPost= and exits 125 (s6's "do not restart") when systemd would not
 * restart; `down-signal` and `timeout-kill` carry KillSignal= and TimeoutStopSec=; `log/run` runs s6-log.
 * s6-supervise signals the process with nothing before: with ExecStop=, the main process runs under
 * `psl-run supervise --policy no --final mirror` (s6 and `finish` keep the restart policy, and see the
 * exit as it was), which gets s6's SIGTERM, runs ExecStop= with $MAINPID, then sends KillSignal= and
 * SIGKILL after TimeoutStopSec= itself (no `down-signal`, no `timeout-kill`, which would kill psl-run only).
 * ExecReload= is psl's reload script, with $MAINPID from `s6-svstat -o pid`.
 */

import { noPolicyOptions, pslRunMainPid, stopOptions } from "../exec-line.js";
import { reloadLauncher, superviseHooks } from "../launcher.js";
import { helperPath } from "../layout.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type ServicePlan, startsAtBoot } from "../plan.js";
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

/** Whether the main process runs under `psl-run supervise` (for ExecStop=); $MAINPID is then its record. */
export function s6Supervised(plan: ServicePlan): boolean {
  return plan.type !== "oneshot" && Boolean(plan.spec.lifecycle?.stop);
}

/** sh printing the main pid: psl-run's record when it supervises, else `s6-svstat -o pid` of `link`. */
export function s6MainPid(plan: ServicePlan, link: string): string {
  return s6Supervised(plan) ? pslRunMainPid(plan) : `s6-svstat -o pid ${shQuote(link)}`;
}

export function s6Files(ctx: ServiceContext, dir: string, commands: SupervisionCommands): GeneratedFile[] {
  const plan = ctx.plan;
  const name = plan.spec.name;
  const pause = plan.type === "oneshot" && plan.spec.process?.remainAfterExit === true;
  const seq = { pauseAfter: pause, mainExtra: ["--ready-fd", READY_FD] };
  // ExecStop=: psl-run supervise in front of the main process (ExecStopPost= is `finish`'s).
  const supervised = s6Supervised(plan);
  const hooks = supervised ? superviseHooks(plan, {}, ["stop"]) : undefined;
  let run = runScript(ctx, commands, seq);
  if (hooks) {
    const helper = shJoin([helperPath(plan.target)]);
    const opts = shJoin([
      ...noPolicyOptions(plan),
      ...["--final", "mirror"],
      ...stopOptions(plan),
      ...hooks.options,
    ]);
    run = run
      .split("\n")
      .map((l) =>
        l.startsWith(`exec ${helper} `)
          ? l.replace(`exec ${helper} `, `exec ${helper} supervise ${opts} `)
          : l,
      )
      .join("\n");
  }
  const files: GeneratedFile[] = [
    { path: `rootfs${dir}/run`, content: run, mode: 0o755 },
    ...(hooks?.files ?? []),
    { path: `rootfs${dir}/finish`, content: finishScript(plan, commands, seq), mode: 0o755 },
    { path: `rootfs${dir}/notification-fd`, content: `${READY_FD}\n`, mode: 0o644 },
  ];
  const stop = plan.spec.stop;
  if (stop?.signal && stop.signal !== "SIGTERM" && !supervised)
    files.push({ path: `rootfs${dir}/down-signal`, content: `${stop.signal}\n`, mode: 0o644 });
  if (typeof stop?.timeoutSec === "number" && !supervised)
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
  const reload = reloadLauncher(ctx.plan, s6MainPid(ctx.plan, link));
  return {
    files: [...s6Files(ctx, dir, COMMANDS), ...(reload ? [reload] : [])],
    // Under PSL_NO_START=1, `s6-svlink -d` starts the supervisor with the service down (and no down
    // file left behind), so that it starts at the next boot.
    enable: startsAtBoot(ctx.plan)
      ? [
          `if [ -e ${shJoin([link])} ]; then :; elif [ "\${PSL_NO_START:-0}" = 1 ]; then ${shJoin(["s6-svlink", "-d", SCAN, dir])}; else ${shJoin(["s6-svlink", SCAN, dir])}; fi`,
        ]
      : [`[ -e ${shJoin([link])} ] || ${shJoin(["s6-svlink", SCAN, dir])}`],
    start: startsAtBoot(ctx.plan)
      ? [`${shJoin(["s6-svc", "-u", link])} || :`, `${shJoin(["s6-svwait", "-u", "-t", "10000", link])} || :`]
      : [],
    stop: [shJoin(["s6-svc", "-wD", "-T", "10000", "-d", link])],
    disable: [shJoin(["s6-svunlink", SCAN, name])],
  };
}

export const s6Generator = defineGenerator({ target: "s6", helper: true, renderService });
