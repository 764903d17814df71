/**
 * The busybox init target: busybox's init has no services, only inittab lines, and no way to stop, restart
 * or ask about what a line started. So each long-running service runs under `psl-run supervise` (the restart
 * policy, KillSignal= and TimeoutStopSec=, ExecStop= before the stop signal and ExecStopPost= after every
 * exit, and a record of its pids under /run/psl/<name>) from an inittab
 * `once` line, and each oneshot runs from a `wait` line (which then runs in order before the rest); psl's
 * `<libexec>/<name>/control start|stop|restart|reload|status` (`psl-run control`) does what a service
 * manager's commands do, answering status with LSB codes; its start first starts what the service
 * requires or wants. The lines go into /etc/inittab between
 * `# psl:begin` and `# psl:end` in the generated start order; install.sh replaces that block and makes
 * init re-read it (kill -HUP 1).
 */
import { policyOptions, pslRunMainPid, pslRunState, stopOptions, stopTimeout } from "../exec-line.js";
import { reloadLauncher, startLauncher, startLauncherPath, superviseHooks } from "../launcher.js";
import { helperPath } from "../layout.js";
import { pulledIn, pullInLines } from "../order.js";
import { defaultOutput } from "../output.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type ServicePlan, startsAtBoot } from "../plan.js";
import { shJoin } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const FRAGMENT = "/usr/lib/psl/inittab";

const oneshot = (plan: ServicePlan) => plan.type === "oneshot";
const controlPath = (plan: ServicePlan) => `${plan.dir}/control`;
const supervisePath = (plan: ServicePlan) => `${plan.dir}/supervise`;

/** The inittab line that starts the service at boot. */
function inittabLine(plan: ServicePlan): string {
  return oneshot(plan) ? `::wait:${controlPath(plan)} start` : `::once:${supervisePath(plan)}`;
}

function script(plan: ServicePlan, what: string, lines: readonly string[]): GeneratedFile {
  return {
    path: `rootfs${plan.dir}/${what}`,
    content: ["#!/bin/sh", `# psl: ${what} ${plan.spec.name} (busybox); generated.`, ...lines, ""].join("\n"),
    mode: 0o755,
  };
}

/** What `control start` (and restart) starts first: the services this one requires or wants. */
function pullIn(ctx: ServiceContext): string[] {
  const pulled = pulledIn(ctx.plan.spec, ctx.local);
  if (pulled.required.length + pulled.wanted.length === 0) return [];
  const start = (n: string) => shJoin([`${ctx.plan.layout.libexec}/${n}/control`, "start"]);
  const lines = pullInLines(pulled, {
    requiredNote: "start these first, and fail when one does not start",
    required: (n) => [`${start(n)} || exit 1`],
    wanted: (n) => `${start(n)} >/dev/null 2>&1 || :`,
  });
  return ['case "${1-}" in', "  start | restart)", ...lines.map((l) => `    ${l}`), "    ;;", "esac"];
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const name = plan.spec.name;
  for (const u of [...(plan.spec.dependencies?.requires ?? []), ...(plan.spec.dependencies?.wants ?? [])]) {
    if (!ctx.local(u)) ctx.notCarried(u);
  }
  const helper = helperPath("busybox");
  const files: GeneratedFile[] = [startLauncher(plan, { exec: defaultOutput(plan) })];
  if (!oneshot(plan)) {
    const hooks = superviseHooks(plan, { exec: defaultOutput(plan) });
    files.push(...hooks.files);
    const supervise = [
      helper,
      "supervise",
      ...policyOptions(plan),
      ...stopOptions(plan),
      ...hooks.options,
      "--name",
      name,
      "--keep-env",
      "--",
      startLauncherPath(plan),
    ];
    files.push(script(plan, "supervise", [`exec ${shJoin(supervise)}`]));
  }
  const reload = oneshot(plan) ? undefined : reloadLauncher(plan, pslRunMainPid(plan));
  if (reload) files.push(reload);
  const timeout = stopTimeout(plan);
  const control = [
    helper,
    "control",
    "--name",
    name,
    "--state",
    pslRunState(plan),
    "--start",
    oneshot(plan) ? startLauncherPath(plan) : supervisePath(plan),
    ...(oneshot(plan) ? ["--oneshot"] : []),
    ...(oneshot(plan) && plan.spec.process?.remainAfterExit ? ["--remain"] : []),
    ...(reload ? ["--reload", `${plan.dir}/reload`] : []),
    ...(timeout !== undefined ? ["--stop-timeout", String(timeout)] : []),
  ];
  files.push(
    script(plan, "control", [
      "# start|stop|restart|reload|status, as a service manager's commands (status: LSB exit codes)",
      ...pullIn(ctx),
      `exec ${shJoin(control.slice(0, 2))} "\${1-}" ${shJoin(control.slice(2))}`,
    ]),
  );
  const ctl = (action: string) => `${shJoin([controlPath(plan), action])}`;
  return {
    files,
    enable: [],
    // init runs only new `respawn` lines when it re-reads inittab: start the services now.
    start: startsAtBoot(plan) ? [ctl("start")] : [],
    stop: [ctl("stop")],
    disable: [],
  };
}

function renderAll(plans: readonly ServicePlan[], order: readonly string[]) {
  const byName = new Map(plans.map((p) => [p.spec.name, p]));
  const lines = ["# psl:begin"];
  for (const n of order) {
    const p = byName.get(n);
    if (p && startsAtBoot(p)) lines.push(inittabLine(p));
  }
  lines.push("# psl:end", "");
  const files: GeneratedFile[] = [{ path: `rootfs${FRAGMENT}`, content: lines.join("\n"), mode: 0o644 }];
  const afterFiles = [
    "# Replace psl's block in /etc/inittab",
    "touch /etc/inittab",
    "sed -i '/^# psl:begin$/,/^# psl:end$/d' /etc/inittab",
    `cat ${shJoin([FRAGMENT])} >>/etc/inittab`,
  ];
  return { files, afterFiles };
}

export const busyboxGenerator = defineGenerator({
  target: "busybox",
  helper: true,
  renderService,
  renderAll,
  activate: ["kill -HUP 1 2>/dev/null || :"],
  removal: ["if [ -f /etc/inittab ]; then sed -i '/^# psl:begin$/,/^# psl:end$/d' /etc/inittab; fi"],
});
