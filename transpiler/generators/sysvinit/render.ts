/**
 * The sysvinit target: an LSB init script /etc/init.d/<name>. The LSB header carries the dependencies
 * (Required-Start: from Requires=, Should-Start: from After=/Wants=, X-Start-Before: from Before=, facilities
 * for systemd's well-known targets) and Default-Start for services wanted by the boot; insserv orders the
 * scripts from it at boot. Later, `start` first starts the generated services it requires (and those it
 * wants, ignoring their failure), as systemd's start job pulls them in; then it runs the conditions and
 * ExecStartPre=, then start-stop-daemon starts the main process in the background through psl-run (or
 * `psl-run supervise` when it must restart, which also applies KillSignal= and TimeoutStopSec= itself),
 * then ExecStartPost=; `stop` runs ExecStop=, signals with --retry and runs ExecStopPost=; `status`
 * answers with LSB codes (0 running, 1 dead with a pid file, 3 not running).
 */
import { execLine, policyOptions, stopOptions, stopTimeout } from "../exec-line.js";
import { facilityOf } from "../facilities.js";
import { helperPath } from "../layout.js";
import { pulledIn, pullInLines } from "../order.js";
import { defaultOutput } from "../output.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { startsAtBoot } from "../plan.js";
import { shConditionLines, shSteps } from "../sequence.js";
import { shJoin, shQuote } from "../sh-quote.js";

const INITD = "/etc/init.d";

function lsbNames(ctx: ServiceContext, units: readonly string[]): string[] {
  const out: string[] = [];
  for (const u of units) {
    const n = ctx.local(u) ?? facilityOf("sysvinit", u);
    if (n) {
      if (!out.includes(n)) out.push(n);
    } else ctx.notCarried(u);
  }
  return out;
}

function lsbHeader(ctx: ServiceContext): string[] {
  const spec = ctx.plan.spec;
  const d = spec.dependencies;
  const base = d?.defaultDependencies === false ? [] : ["$local_fs"];
  const required = [
    ...base,
    ...lsbNames(ctx, [...(d?.requires ?? []), ...(d?.bindsTo ?? []), ...(d?.requisite ?? [])]),
  ];
  const should = lsbNames(ctx, [...(d?.after ?? []), ...(d?.wants ?? [])]).filter(
    (n) => !required.includes(n),
  );
  const before = lsbNames(ctx, d?.before ?? []);
  const desc = (spec.description ?? spec.name).split("\n");
  const boot = startsAtBoot(ctx.plan);
  return [
    "### BEGIN INIT INFO",
    `# Provides:          ${spec.name}`,
    `# Required-Start:    ${required.join(" ")}`,
    `# Required-Stop:     ${required.join(" ")}`,
    ...(should.length > 0
      ? [`# Should-Start:      ${should.join(" ")}`, `# Should-Stop:       ${should.join(" ")}`]
      : []),
    ...(before.length > 0 ? [`# X-Start-Before:    ${before.join(" ")}`] : []),
    `# Default-Start:     ${boot ? "2 3 4 5" : ""}`,
    `# Default-Stop:      ${boot ? "0 1 6" : ""}`,
    `# Short-Description: ${desc[0] ?? ""}`,
    `# Description:       ${desc[0] ?? ""}`,
    ...desc.slice(1).map((l) => `#  ${l}`),
    "### END INIT INFO",
  ];
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const spec = plan.spec;
  const name = spec.name;
  const out = defaultOutput(plan);
  const seq = { skip: "return 0", exec: out };
  const pidfile = `${plan.layout.run}/psl/${name}.pid`;
  const done = `${plan.layout.run}/psl/${name}.done`;
  const lc = spec.lifecycle;
  const main = spec.process?.start ?? [];
  const stopSig = (spec.stop?.signal ?? "SIGTERM").replace(/^SIG/, "");
  const oneshot = plan.type === "oneshot";
  const forking = plan.type === "forking";
  const supervised = !oneshot && plan.restartPolicy !== "no" && !forking;
  // psl-run supervise kills the process after TimeoutStopSec= itself; start-stop-daemon waits longer.
  const timeout = (stopTimeout(plan) ?? 90) + (supervised ? 5 : 0);
  const startMain: string[] = [];
  if (oneshot) {
    startMain.push(...shSteps(plan, main, "main", seq).map((l) => l.replace(/exit \$\?$/, "return 1")));
    if (spec.process?.remainAfterExit) startMain.push(`: >"$DONE"`);
  } else if (main[0]) {
    const argv = execLine(plan, main[0], "main", { always: true, ...out, execd: true });
    const run = supervised
      ? [helperPath("sysvinit"), "supervise", ...policyOptions(plan), ...stopOptions(plan), ...argv.slice(1)]
      : argv;
    const ssd = forking
      ? [
          "start-stop-daemon",
          "--start",
          "--quiet",
          "--pidfile",
          spec.process?.pidFile ?? pidfile,
          "--startas",
          ...run.slice(0, 1),
          "--",
          ...run.slice(1),
        ]
      : [
          "start-stop-daemon",
          "--start",
          "--quiet",
          "--background",
          "--make-pidfile",
          "--pidfile",
          pidfile,
          "--startas",
          ...run.slice(0, 1),
          "--",
          ...run.slice(1),
        ];
    startMain.push(`${shJoin(ssd)} || return 1`);
  }
  const mainPid = forking ? (spec.process?.pidFile ?? pidfile) : pidfile;
  const pulled = pulledIn(spec, ctx.local);
  const startDeps = pullInLines(pulled, {
    requiredNote: "start these first",
    required: (n) => [`${shJoin([`${INITD}/${n}`, "start"])} || return 1`],
    wantedNote: "start these first; their failure does not stop this start",
    wanted: (n) => `${shJoin([`${INITD}/${n}`, "start"])} || :`,
  }).map((l) => `  ${l}`);
  const withPid = { ...seq, exec: { ...out, extra: ["--mainpid-file", mainPid] } };
  const body = [
    "#!/bin/sh",
    ...lsbHeader(ctx),
    "# Generated by psl.",
    "",
    `NAME=${shQuote(name)}`,
    ...(oneshot ? [] : [`PIDFILE=${shQuote(mainPid)}`]),
    ...(oneshot ? [`DONE=${shQuote(done)}`] : []),
    "",
    "do_start() {",
    `  mkdir -p ${shQuote(`${plan.layout.run}/psl`)}`,
    ...(oneshot ? [] : ["  if is_running; then return 0; fi"]),
    ...(startDeps.length > 0
      ? [
          "  # (a service on a dependency cycle is started once)",
          '  case " ${PSL_STARTING-} " in *" $NAME "*) return 0 ;; esac',
          '  PSL_STARTING="${PSL_STARTING-} $NAME"',
          "  export PSL_STARTING",
          ...startDeps,
        ]
      : []),
    ...shConditionLines(plan, seq).map((l) => `  ${l}`),
    ...(lc?.startPre
      ? [
          "  # ExecStartPre=",
          ...shSteps(plan, lc.startPre, "pre", seq).map((l) => `  ${l.replace(/exit \$\?$/, "return 1")}`),
        ]
      : []),
    "  # ExecStart=",
    ...startMain.map((l) => `  ${l}`),
    ...(lc?.startPost
      ? [
          "  # ExecStartPost=",
          ...shSteps(plan, lc.startPost, "post", seq).map((l) => `  ${l.replace(/exit \$\?$/, "return 1")}`),
        ]
      : []),
    "  return 0",
    "}",
    "",
    "do_stop() {",
    ...(lc?.stop
      ? [
          "  # ExecStop=",
          ...shSteps(plan, lc.stop, "stop", withPid).map(
            (l) => `  ${l.replace(/ \|\| exit \$\?$/, " || :")}`,
          ),
        ]
      : []),
    ...(oneshot
      ? ['  rm -f "$DONE"']
      : [
          `  start-stop-daemon --stop --quiet --pidfile "$PIDFILE" --retry ${stopSig}/${timeout}/KILL/5 --remove-pidfile`,
          "  rc=$?",
          '  [ "$rc" = 1 ] && rc=0',
        ]),
    ...(lc?.stopPost
      ? [
          "  # ExecStopPost=",
          ...shSteps(plan, lc.stopPost, "stopPost", seq).map(
            (l) => `  ${l.replace(/ \|\| exit \$\?$/, " || :")}`,
          ),
        ]
      : []),
    `  return ${oneshot ? 0 : '"$rc"'}`,
    "}",
    "",
    "is_running() {",
    oneshot ? '  [ -e "$DONE" ]' : '  [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null',
    "}",
    "",
    "do_reload() {",
    ...(lc?.reload
      ? shSteps(plan, lc.reload, "reload", withPid).map((l) => `  ${l.replace(/exit \$\?$/, "return 1")}`)
      : ['  echo "$NAME: reload is not implemented" >&2', "  return 3"]),
    "}",
    "",
    'case "${1:-}" in',
    "  start) do_start ;;",
    "  stop) do_stop ;;",
    "  restart) do_stop; do_start ;;",
    `  reload|force-reload) ${lc?.reload ? "do_reload" : "do_stop; do_start"} ;;`,
    "  status)",
    '    if is_running; then echo "$NAME is running"; exit 0; fi',
    ...(oneshot
      ? []
      : ['    if [ -e "$PIDFILE" ]; then echo "$NAME is dead but its pid file exists"; exit 1; fi']),
    '    echo "$NAME is not running"; exit 3 ;;',
    '  *) echo "usage: $0 {start|stop|restart|reload|force-reload|status}" >&2; exit 3 ;;',
    "esac",
    "",
  ];
  const script = `${INITD}/${name}`;
  const boot = startsAtBoot(plan);
  return {
    files: [{ path: `rootfs${script}`, content: body.join("\n"), mode: 0o755 }],
    enable: boot ? [`${shJoin(["update-rc.d", name, "defaults"])} >/dev/null`] : [],
    start: boot ? [shJoin([script, "start"])] : [],
    stop: [shJoin([script, "stop"])],
    disable: [`${shJoin(["update-rc.d", "-f", name, "remove"])} >/dev/null`],
  };
}

export const sysvinitGenerator = defineGenerator({ target: "sysvinit", helper: true, renderService });
