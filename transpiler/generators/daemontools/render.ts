/**
 * The daemontools target: /etc/sv/<name> linked into /etc/service (svscan rescans every 5 s). daemontools
 * 0.76 always restarts, runs no `finish` script, tells nothing about the exit, and has no dependencies. So
 * `run` starts the generated services it requires (svc -u, then waits for svstat to say up); a service
 * restarted only under some conditions, or with ExecStop=/ExecStopPost=, KillSignal= or TimeoutStopSec=,
 * runs under `psl-run supervise`, which applies the policy, runs ExecStop= before the stop signal and
 * ExecStopPost= after every exit, and after a final exit asks supervise to take the service down (svc -d)
 * and waits for it; a oneshot's `run` does the same once its commands ran. `log/run` runs multilog.
 * install.sh starts services in the generated order. The reload script runs ExecReload= with $MAINPID from
 * psl-run's record or svstat.
 */
import { policyOptions, pslRunMainPid, stopOptions } from "../exec-line.js";
import { reloadLauncher, type SuperviseHooks, superviseHooks } from "../launcher.js";
import { helperPath } from "../layout.js";
import { pulledIn, pullInLines } from "../order.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type ServicePlan, startsAtBoot } from "../plan.js";
import { shStartSequence } from "../sequence.js";
import { header, scannedLinkActivation } from "../service-dir.js";
import { shJoin, shQuote } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const SV = "/etc/sv";
const SERVICE = "/etc/service";

/** Ask supervise to take this service down, then wait for its SIGTERM (so it cannot restart us first). */
const downAndWait = (plan: ServicePlan) => `svc -d . ; exec ${shJoin([helperPath(plan.target), "pause"])}`;

/** sh that starts a generated service and waits up to `timeout` seconds for svstat to say up. */
function startAndWait(name: string, timeout: number): string {
  const link = shJoin([`${SERVICE}/${name}`]);
  return `svc -u ${link} && i=0 && until svstat ${link} | grep -q ': up'; do [ "$i" -ge ${timeout * 10} ] && exit 1; sleep 0.1; i=$((i + 1)); done`;
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const name = plan.spec.name;
  const dir = `${SV}/${name}`;
  const link = `${SERVICE}/${name}`;
  const d = plan.spec.dependencies;
  for (const u of [...(d?.requires ?? []), ...(d?.bindsTo ?? []), ...(d?.wants ?? [])]) {
    if (!ctx.local(u)) ctx.notCarried(u);
  }
  const pulled = pulledIn(plan.spec, ctx.local);
  const after = new Set((d?.after ?? []).map(ctx.local));
  const timeout = typeof plan.spec.readiness?.timeoutSec === "number" ? plan.spec.readiness.timeoutSec : 90;
  const pause = plan.type === "oneshot" && plan.spec.process?.remainAfterExit === true;
  // psl-run supervise applies the restart policy (supervise itself only restarts always) and turns svc -d's
  // SIGTERM into KillSignal= with SIGKILL after TimeoutStopSec= (supervise sends TERM and never escalates).
  // It also runs ExecStop= before that signal and ExecStopPost= after every exit (supervise has no hooks).
  const hooks = superviseHooks(plan);
  const supervised =
    plan.type !== "oneshot" &&
    (plan.restartPolicy !== "always" || stopOptions(plan).length > 0 || hooks.options.length > 0);
  const run = shStartSequence(plan, { skip: downAndWait(plan), pauseAfter: pause });
  const oneshotDone = plan.type === "oneshot" && !pause;
  // A failed oneshot is not run again either (systemd leaves it failed).
  const main = supervised
    ? run.map((l) => (l.startsWith("exec ") ? supervise(plan, l, hooks) : l))
    : plan.type === "oneshot"
      ? run.map((l) => l.replace(/ \|\| exit \$\?$/, ` || { ${downAndWait(plan)}; }`))
      : run;
  const files: GeneratedFile[] = [
    {
      path: `rootfs${dir}/run`,
      content: [
        ...header(plan, "run script"),
        "exec 2>&1",
        ...pullInLines(pulled, {
          requiredNote: "start these and wait for them to be up",
          required: (n) => [`( ${startAndWait(n, Math.ceil(timeout))} ) || exit 1`],
          wanted: (n) =>
            after.has(n)
              ? `( ${startAndWait(n, Math.ceil(timeout))} ) || :`
              : `${shJoin(["svc", "-u", `${SERVICE}/${n}`])} 2>/dev/null || :`,
        }),
        ...main,
        ...(oneshotDone ? ["# Type=oneshot: done; supervise would run it again", downAndWait(plan)] : []),
        "",
      ].join("\n"),
      mode: 0o755,
    },
  ];
  const reload = reloadLauncher(
    plan,
    supervised ? pslRunMainPid(plan) : `svstat ${shQuote(link)} | sed -n 's/.*(pid \\([0-9]*\\)).*/\\1/p'`,
  );
  if (reload) files.push(reload);
  if (supervised) files.push(...hooks.files);
  const logDir = `${plan.layout.log}/${name}`;
  files.push({
    path: `rootfs${dir}/log/run`,
    content: [
      ...header(plan, "log/run"),
      `mkdir -p ${shJoin([logDir])}`,
      `exec multilog t ${shJoin([logDir])}`,
      "",
    ].join("\n"),
    mode: 0o755,
  });
  if (!startsAtBoot(plan)) files.push({ path: `rootfs${dir}/down`, content: "", mode: 0o644 });
  const activation = scannedLinkActivation(name, dir, link, startsAtBoot(plan), {
    waitSupervisor: `i=0; until svok ${shJoin([link])} 2>/dev/null || [ "$i" -ge 15 ]; do sleep 1; i=$((i + 1)); done`,
    checkFresh: ":",
    startLinked: `${shJoin(["svc", "-u", link])} || :`,
  });
  return {
    files,
    ...activation,
    stop: [shJoin(["svc", "-d", link])],
    disable: [shJoin(["rm", "-f", link]), `${shJoin(["svc", "-dx", link, `${link}/log`])} 2>/dev/null || :`],
  };
}

/**
 * `exec psl-run --name … -- argv` → `exec psl-run supervise <policy> … --name … -- argv`; after a final
 * exit psl-run asks supervise to take the service down and waits for it.
 */
function supervise(plan: ServicePlan, line: string, hooks: SuperviseHooks): string {
  const helper = shJoin([helperPath(plan.target)]);
  const opts = shJoin([
    ...policyOptions(plan),
    ...stopOptions(plan),
    ...hooks.options,
    "--final",
    "hold",
    "--on-final",
    "svc -d .",
  ]);
  return line.replace(`exec ${helper} `, `exec ${helper} supervise ${opts} `);
}

export const daemontoolsGenerator = defineGenerator({ target: "daemontools", helper: true, renderService });
