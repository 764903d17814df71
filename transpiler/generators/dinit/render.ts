/**
 * The dinit target: /etc/dinit.d/<name>. Types map to `process` (readiness through `pipefd:3`, written by
 * psl-run just before exec), `bgprocess` (forking, with pid-file) and `scripted` (oneshot); dependencies
 * keep their kinds (depends-on, waits-for, after, before); restart, restart-delay, the restart limit,
 * stop/start timeouts, term-signal, run-as, working-dir, nice, oom-score-adj, ioprio, rlimits, logfile,
 * no-new-privs and a unix socket-listen are native. ExecStartPre=, conditions or an argument dinit cannot
 * hold go through psl's launcher script. dinit is not packaged in Debian bookworm: its output is checked
 * by a parser written from dinit-service(5), not booted.
 */
import { diag } from "../../diagnostics/index.js";
import { execLine } from "../exec-line.js";
import { reloadLauncher, startLauncher, startLauncherPath, stopLauncher } from "../launcher.js";
import { logFile, outputOptions } from "../output.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { startsAtBoot } from "../plan.js";
import { shJoin } from "../sh-quote.js";
import { dinitCommand, dinitWord } from "./quote.js";

const DIR = "/etc/dinit.d";
const LIMITS: Record<string, string> = {
  nofile: "rlimit-nofile",
  core: "rlimit-core",
  data: "rlimit-data",
  as: "rlimit-addrspace",
};

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const spec = plan.spec;
  const name = spec.name;
  const lc = spec.lifecycle;
  const out = outputOptions(plan, "inherit");
  const files = [];
  const lines = [
    `# psl: ${name} (dinit); generated.`,
    ...(spec.description ? [`# ${spec.description.replaceAll("\n", " ")}`] : []),
  ];
  const type = plan.type === "oneshot" ? "scripted" : plan.type === "forking" ? "bgprocess" : "process";
  lines.push(`type = ${type}`);
  const mains = spec.process?.start ?? [];
  const sequence = Boolean(
    lc?.startPre || lc?.startPost || lc?.condition || spec.conditions || mains.length > 1,
  );
  const ready = type === "process" ? ["--ready-fd", "3"] : [];
  let command =
    !sequence && mains[0]
      ? dinitCommand(execLine(plan, mains[0], "main", { always: true, ...out, extra: ready }))
      : undefined;
  if (command === undefined) {
    files.push(startLauncher(plan, { exec: out, mainExtra: ready }));
    command = dinitCommand([startLauncherPath(plan)]);
  }
  lines.push(`command = ${command}`);
  if (type === "process") lines.push("ready-notification = pipefd:3");
  if (type === "bgprocess" && spec.process?.pidFile)
    lines.push(`pid-file = ${dinitWord(spec.process.pidFile)}`);
  const stop = stopLauncher(plan, []);
  if (stop) {
    files.push(stop);
    lines.push(`stop-command = ${dinitCommand([`${plan.dir}/stop`])}`);
  }
  const wd = spec.process?.workingDirectory;
  if (wd && plan.native("process.workingDirectory") && wd.path !== "~")
    lines.push(`working-dir = ${dinitWord(wd.path)}`);
  else lines.push('working-dir = "/"');
  if (spec.identity?.user && plan.native("identity.user"))
    lines.push(`run-as = ${dinitWord(spec.identity.user)}`);
  const policy = plan.restartPolicy;
  lines.push(`restart = ${policy === "always" ? "yes" : policy === "on-failure" ? "on-failure" : "no"}`);
  if (typeof spec.restart?.delaySec === "number") lines.push(`restart-delay = ${spec.restart.delaySec}`);
  if (spec.restart?.startLimitBurst !== undefined)
    lines.push(`restart-limit-count = ${spec.restart.startLimitBurst}`);
  if (typeof spec.restart?.startLimitIntervalSec === "number")
    lines.push(`restart-limit-interval = ${spec.restart.startLimitIntervalSec}`);
  if (typeof spec.stop?.timeoutSec === "number") lines.push(`stop-timeout = ${spec.stop.timeoutSec}`);
  if (typeof spec.readiness?.timeoutSec === "number")
    lines.push(`start-timeout = ${spec.readiness.timeoutSec}`);
  if (spec.stop?.signal) lines.push(`term-signal = ${spec.stop.signal.replace(/^SIG/, "")}`);
  if (spec.stop?.killMode === "process") lines.push("options: signal-process-only");
  if (spec.process?.nice !== undefined) lines.push(`nice = ${spec.process.nice}`);
  if (spec.process?.oomScoreAdjust !== undefined)
    lines.push(`oom-score-adj = ${spec.process.oomScoreAdjust}`);
  for (const [k, l] of Object.entries(spec.process?.limits ?? {})) {
    const key = LIMITS[k];
    const v = (x: number | "infinity") => (x === "infinity" ? "-" : String(x));
    if (key) lines.push(`${key} = ${v(l.soft)}:${v(l.hard)}`);
  }
  const io = spec.resources?.ioSchedulingClass;
  if (io)
    lines.push(
      `ioprio = ${io === "idle" || io === "3" ? "idle" : `${io === "realtime" || io === "1" ? "realtime" : "best-effort"}:${spec.resources?.ioSchedulingPriority ?? 4}`}`,
    );
  if (spec.sandboxing?.noNewPrivileges) lines.push("options: no-new-privs");
  if (out.stdout !== "null") lines.push("log-type = file", `logfile = ${dinitWord(logFile(plan))}`);
  const sock = spec.sockets?.[0]?.listen.find((l) => l.kind === "stream" && l.address.startsWith("/"));
  if (sock) {
    lines.push(`socket-listen = ${dinitWord(sock.address)}`);
    const s = spec.sockets?.[0];
    if (s?.socketMode) lines.push(`socket-permissions = ${s.socketMode}`);
    if (s?.socketUser) lines.push(`socket-uid = ${dinitWord(s.socketUser)}`);
    if (s?.socketGroup) lines.push(`socket-gid = ${dinitWord(s.socketGroup)}`);
  }
  const d = spec.dependencies;
  const dep = (kind: string, units: readonly string[] | undefined) => {
    for (const u of units ?? []) {
      const n = ctx.local(u);
      if (n) lines.push(`${kind}: ${n}`);
      else ctx.notCarried(u);
    }
  };
  dep("depends-on", [...(d?.requires ?? []), ...(d?.bindsTo ?? []), ...(d?.requisite ?? [])]);
  dep("waits-for", d?.wants);
  dep("after", d?.after);
  dep("before", d?.before);
  for (const l of lines)
    if (l.includes("undefined"))
      ctx.diagnostics.push(
        diag(
          "PSL6005",
          { service: name, what: l.split(" ")[0] ?? l, target: "dinit", reason: "a value dinit cannot hold" },
          { target: "dinit" },
        ),
      );
  files.push({ path: `rootfs${DIR}/${name}`, content: `${lines.join("\n")}\n`, mode: 0o644 });
  // ExecReload=: psl's reload script, with $MAINPID from `dinitctl status`.
  const reload = reloadLauncher(
    plan,
    `dinitctl status ${shJoin([name])} | sed -n 's/.*Process ID: *\\([0-9]*\\).*/\\1/p'`,
  );
  if (reload) files.push(reload);
  const boot = startsAtBoot(plan);
  return {
    files,
    enable: [],
    start: boot
      ? [`if command -v dinitctl >/dev/null 2>&1; then ${shJoin(["dinitctl", "enable", name])} || :; fi`]
      : [],
    stop: [`if command -v dinitctl >/dev/null 2>&1; then ${shJoin(["dinitctl", "stop", name])}; fi`],
    disable: [`if command -v dinitctl >/dev/null 2>&1; then ${shJoin(["dinitctl", "disable", name])}; fi`],
  };
}

export const dinitGenerator = defineGenerator({ target: "dinit", helper: true, renderService });
