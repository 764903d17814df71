/**
 * The supervisord target: /etc/supervisor/conf.d/<name>.conf with one `[program:<name>]`. The process runs
 * through psl-run (which keeps supervisord's environment and the native `environment=`, and adds what
 * supervisord lacks); user=, directory=, umask=, autorestart=/exitcodes=, startretries=, stopsignal=,
 * stopwaitsecs=, stopasgroup=/killasgroup= and the log files are native. ExecStartPre=, conditions, several
 * commands, or an argument a supervisord line cannot hold go through psl's launcher script. supervisord has
 * no dependencies: `priority=` follows the generated start order, and the launcher starts what a service
 * requires or wants through supervisorctl. ExecReload= is psl's reload script, with $MAINPID from
 * `supervisorctl pid`. supervisord only signals a program to stop it: with ExecStop= or ExecStopPost=, the
 * program is `psl-run supervise --policy no` (supervisord keeps the restart policy), which gets the stop
 * request alone (stopasgroup=false), runs ExecStop= with $MAINPID, then sends KillSignal= (SIGKILL after
 * TimeoutStopSec=), and runs ExecStopPost= after every exit of the process; it then runs as root and
 * switches the user itself, and ExecReload= takes $MAINPID from its record.
 */

import type { ServiceSpec } from "../../spec/schema.js";
import { execLine, noPolicyOptions, pslRunMainPid, stopOptions, stopTimeout } from "../exec-line.js";
import { reloadLauncher, startLauncher, startLauncherPath, superviseHooks } from "../launcher.js";
import { helperPath } from "../layout.js";
import { pulledIn, pullInLines } from "../order.js";
import { logFile, outputOptions } from "../output.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import type { PlanOverride } from "../plan.js";
import { startsAtBoot } from "../plan.js";
import { shJoin, shQuote } from "../sh-quote.js";
import { supervisordCommand, supervisordEnvironment, supervisordValue } from "./quote.js";

const CONF = "/etc/supervisor/conf.d";
const SIGNALS = new Set(["SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT", "SIGKILL", "SIGUSR1", "SIGUSR2"]);
const RUNNING = "supervisorctl pid >/dev/null 2>&1";

/** Whether the program is `psl-run supervise`, for ExecStop= and ExecStopPost=. */
function supervised(spec: ServiceSpec): boolean {
  return Boolean(spec.lifecycle?.stop || spec.lifecycle?.stopPost);
}

/** Whether the launcher starts other services first (Requires=, BindsTo=, Wants=). */
function pullsIn(spec: ServiceSpec): boolean {
  const d = spec.dependencies;
  return Boolean(d?.requires?.length || d?.bindsTo?.length || d?.wants?.length);
}

/**
 * supervisord has no dependencies: the start launcher asks supervisord to start what this service
 * requires (supervisorctl start waits until it runs) and gives up when one is not running then, and asks
 * for what it wants without waiting for the outcome.
 */
function startPulledIn(ctx: ServiceContext): string[] {
  const me = ctx.plan.spec.name;
  const start = (n: string) => `${shJoin(["supervisorctl", "start", n])} >/dev/null 2>&1 || :`;
  return pullInLines(pulledIn(ctx.plan.spec, ctx.local), {
    requiredNote: "start these first, and fail when one does not run",
    required: (n) => [
      start(n),
      `case $(${shJoin(["supervisorctl", "status", n])} 2>/dev/null) in *RUNNING* | *EXITED*) ;; *) echo ${shQuote(`${me}: ${n} is not running`)} >&2; exit 1 ;; esac`,
    ],
    wanted: start,
  });
}

function overrides(spec: ServiceSpec): PlanOverride[] {
  const out: PlanOverride[] = [];
  if ((pullsIn(spec) || supervised(spec)) && spec.identity?.user)
    for (const feature of ["identity.user", "identity.group"])
      out.push({
        feature,
        capability: { status: "emulated", how: "psl-run switches user with setpriv" },
        reason: pullsIn(spec)
          ? "the launcher starts required services through supervisorctl, which needs root"
          : "psl-run supervise runs ExecStop= and ExecStopPost= and keeps its record in /run/psl as root",
      });
  const env = { ...(spec.process?.environment ?? {}) };
  if (spec.process?.environment && supervisordEnvironment(env) === undefined)
    out.push({
      feature: "process.environment",
      capability: { status: "emulated", how: "psl-run sets the variables" },
      reason: "a value environment= cannot hold (line break, `;`, `#`, quotes or a backslash)",
    });
  const wd = spec.process?.workingDirectory;
  if (wd && (wd.optional || wd.path === "~" || supervisordValue(wd.path) === undefined))
    out.push({
      feature: "process.workingDirectory",
      capability: { status: "emulated", how: "psl-run --chdir" },
      reason: "`~`, the `-` prefix or the path is beyond directory=",
    });
  if (spec.process?.path)
    out.push({
      feature: "process.path",
      capability: { status: "emulated", how: "psl-run sets PATH" },
      reason: "PATH is set by psl-run with the other variables",
    });
  return out;
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const spec = plan.spec;
  const name = spec.name;
  for (const u of [...(spec.dependencies?.requires ?? []), ...(spec.dependencies?.wants ?? [])]) {
    if (!ctx.local(u)) ctx.notCarried(u);
  }
  const log = logFile(plan);
  const out = outputOptions(plan, "inherit");
  const oneshot = plan.type === "oneshot";
  const mains = spec.process?.start ?? [];
  const lc = spec.lifecycle;
  // RemainAfterExit= needs the launcher's idle step after the commands, so that the program stays RUNNING.
  const remain = oneshot && spec.process?.remainAfterExit === true;
  const prelude = startPulledIn(ctx);
  const sequence = Boolean(
    lc?.startPre ||
      lc?.startPost ||
      lc?.condition ||
      spec.conditions ||
      mains.length > 1 ||
      remain ||
      prelude.length > 0,
  );
  let command: string | undefined;
  const files = [];
  if (!sequence && mains[0])
    command = supervisordCommand(execLine(plan, mains[0], "main", { always: true, ...out }));
  if (command === undefined) {
    files.push(startLauncher(plan, { exec: out, pauseAfter: remain, prelude }));
    command = startLauncherPath(plan);
  }
  const hooks = superviseHooks(plan, { exec: out });
  const sv = supervised(spec);
  if (sv) {
    files.push(...hooks.files);
    const inner =
      !sequence && mains[0] ? execLine(plan, mains[0], "main", { always: true, ...out }) : [command];
    const helper = helperPath(plan.target);
    const argv = [
      helper,
      "supervise",
      ...noPolicyOptions(plan),
      ...stopOptions(plan),
      ...hooks.options,
      ...(inner[0] === helper ? inner.slice(1) : ["--name", name, "--", ...inner]),
    ];
    command = supervisordCommand(argv);
    if (command === undefined) {
      const launcher = startLauncher(plan, { exec: out, pauseAfter: remain, prelude });
      if (!files.some((f) => f.path === launcher.path)) files.push(launcher);
      command = supervisordCommand([...argv.slice(0, argv.indexOf("--") + 1), startLauncherPath(plan)]);
    }
  }
  const lines = [
    `; psl: ${name} (supervisord); generated.`,
    ...(spec.description ? [`; ${spec.description.replaceAll("\n", " ")}`] : []),
    `[program:${name}]`,
    `command=${command}`,
  ];
  const wd = spec.process?.workingDirectory;
  if (wd && plan.native("process.workingDirectory")) lines.push(`directory=${supervisordValue(wd.path)}`);
  if (spec.identity?.user && plan.native("identity.user")) lines.push(`user=${spec.identity.user}`);
  if (spec.process?.umask && plan.native("process.umask"))
    lines.push(`umask=${spec.process.umask.replace(/^0(?=\d{3})/, "")}`);
  const env = spec.process?.environment;
  if (env && plan.native("process.environment")) lines.push(`environment=${supervisordEnvironment(env)}`);
  lines.push(`autostart=${startsAtBoot(plan) ? "true" : "false"}`);
  const policy = plan.restartPolicy;
  const autorestart = oneshot || policy === "no" ? "false" : policy === "always" ? "true" : "unexpected";
  lines.push(`autorestart=${autorestart}`);
  const codes = [0, ...(spec.process?.successExitStatus?.codes ?? [])];
  lines.push(`exitcodes=${[...new Set(codes)].join(",")}`);
  lines.push("startsecs=0");
  if (spec.restart?.startLimitBurst !== undefined) lines.push(`startretries=${spec.restart.startLimitBurst}`);
  const sig = spec.stop?.signal;
  const km = spec.stop?.killMode ?? "control-group";
  if (sv) {
    // psl-run supervise takes supervisord's SIGTERM, runs ExecStop=, then signals and kills the process
    // itself; supervisord kills what is left only after both could use up TimeoutStopSec=.
    const t = stopTimeout(plan);
    if (t !== undefined) lines.push(`stopwaitsecs=${2 * t + 5}`);
    lines.push("stopasgroup=false", `killasgroup=${km === "process" || km === "none" ? "false" : "true"}`);
  } else {
    if (sig && SIGNALS.has(sig)) lines.push(`stopsignal=${sig.replace(/^SIG/, "")}`);
    if (typeof spec.stop?.timeoutSec === "number")
      lines.push(`stopwaitsecs=${Math.ceil(spec.stop.timeoutSec)}`);
    if (km === "control-group") lines.push("stopasgroup=true", "killasgroup=true");
    else if (km === "mixed") lines.push("stopasgroup=false", "killasgroup=true");
  }
  lines.push(`priority=${100 + ctx.index * 10}`);
  lines.push("redirect_stderr=true", `stdout_logfile=${out.stdout === "null" ? "NONE" : log}`, "");
  const conf = `${CONF}/${name}.conf`;
  files.push({ path: `rootfs${conf}`, content: lines.join("\n"), mode: 0o644 });
  const reload = reloadLauncher(plan, sv ? pslRunMainPid(plan) : `supervisorctl pid ${shQuote(name)}`);
  if (reload) files.push(reload);
  return {
    files,
    enable: [],
    start: [],
    stop: [`if ${RUNNING}; then ${shJoin(["supervisorctl", "stop", name])}; fi`],
    disable: [],
  };
}

export const supervisordGenerator = defineGenerator({
  target: "supervisord",
  helper: true,
  renderService,
  overrides,
  activate: [
    `if ${RUNNING} && [ "\${PSL_NO_START:-0}" != 1 ]; then supervisorctl reread >/dev/null && supervisorctl update; fi`,
  ],
});
