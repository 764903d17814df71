/**
 * The pieces of a supervision service directory (runit, s6, s6-rc longruns): the `run` script (starts the
 * generated services it requires and waits for them, as systemd's start job pulls them in; asks for the
 * ones it wants; then the start sequence and exec of the main process), a `finish` script that runs
 * ExecStopPost= and applies the restart policy through psl-run's policy engine, and the `log/run` service
 * that takes the journal's place. The target supplies its own commands (how to start a service and wait
 * for it, how to keep the service down, how its finish script receives the exit status).
 */

import { policyOptions } from "./exec-line.js";
import { helperPath } from "./layout.js";
import { pulledIn, pullInLines } from "./order.js";
import type { ServiceContext } from "./pipeline.js";
import type { ServicePlan } from "./plan.js";
import { type ShSequenceOptions, shStartSequence, shSteps } from "./sequence.js";
import { shJoin } from "./sh-quote.js";

export interface SupervisionCommands {
  /**
   * How `run` pulls in other generated services (undefined when the target's own dependency engine does,
   * as s6-rc's): sh that starts one and waits until it is up, failing when it does not come up, and sh
   * that asks the supervisor to start one without waiting.
   */
  readonly pullIn?: {
    readonly startAndWait: (service: string, timeoutSec: number) => string;
    readonly startNoWait: (service: string) => string;
  };
  /**
   * sh that keeps this service down (from inside run or finish, cwd = the service directory); it returns
   * only once the supervisor has taken the request in, so that it cannot restart the service first.
   */
  readonly stayDown: string;
  /** sh lines that turn the finish script's arguments into `set -- --exit-code N` / `--exit-signal N`. */
  readonly finishArgs: readonly string[];
  /** What finish does when the policy says "no restart" (after stayDown), e.g. `exit 125` for s6. */
  readonly finalExit: string;
}

export function header(plan: ServicePlan, what: string): string[] {
  const d = plan.spec.description;
  return [
    "#!/bin/sh",
    `# psl: ${what} for ${plan.spec.name} (${plan.target}); generated.`,
    ...(d ? [`# ${d.replaceAll("\n", " ")}`] : []),
  ];
}

/**
 * The `run` script's lines that start what the service pulls in: Requires=/BindsTo= are started and
 * waited for (the start fails when they do not come up); Wants= are started, and waited for only when the
 * service is also ordered after them, and their failure does not matter. Units that are neither generated
 * together nor a facility of the target are reported.
 */
export function startPulledIn(ctx: ServiceContext, cmds: SupervisionCommands): string[] {
  const spec = ctx.plan.spec;
  const d = spec.dependencies;
  for (const u of [
    ...(d?.requires ?? []),
    ...(d?.bindsTo ?? []),
    ...(d?.wants ?? []),
    ...(d?.after ?? []),
    ...(d?.before ?? []),
  ])
    ctx.notCarried(u);
  const pull = cmds.pullIn;
  if (!pull) return [];
  const timeout = typeof spec.readiness?.timeoutSec === "number" ? spec.readiness.timeoutSec : 90;
  const after = new Set((d?.after ?? []).map(ctx.local));
  return pullInLines(pulledIn(spec, ctx.local), {
    requiredNote: "start these and wait for them to be up",
    required: (n) => [`${pull.startAndWait(n, timeout)} || exit 1`],
    wanted: (n) =>
      after.has(n) ? `${pull.startAndWait(n, timeout)} || :` : `${pull.startNoWait(n)} >/dev/null 2>&1 || :`,
  });
}

/** The `run` script. */
export function runScript(
  ctx: ServiceContext,
  cmds: SupervisionCommands,
  o: Omit<ShSequenceOptions, "skip">,
): string {
  const plan = ctx.plan;
  return [
    ...header(plan, "run script"),
    "exec 2>&1",
    ...startPulledIn(ctx, cmds),
    ...shStartSequence(plan, { ...o, skip: `${cmds.stayDown}; exit 0` }),
    "",
  ].join("\n");
}

/** Whether the restart policy needs psl-run's decision after each exit. */
export function needsDecision(plan: ServicePlan): boolean {
  return plan.type !== "oneshot" || !plan.spec.process?.remainAfterExit;
}

/** The `finish` script: ExecStopPost=, then the restart decision. */
export function finishScript(
  plan: ServicePlan,
  cmds: SupervisionCommands,
  o: Omit<ShSequenceOptions, "skip">,
) {
  const stopPost = plan.spec.lifecycle?.stopPost ?? [];
  const delay = plan.spec.restart?.delaySec;
  const extra = typeof delay === "number" && delay > 1 ? delay - 1 : 0;
  const decide = shJoin([
    helperPath(plan.target),
    "decide",
    "--name",
    plan.spec.name,
    ...policyOptions(plan),
  ]);
  return [
    ...header(plan, "finish script"),
    ...(stopPost.length > 0
      ? [
          "# ExecStopPost= (after every exit, as in systemd)",
          ...shSteps(plan, stopPost, "stopPost", { ...o, skip: ":" }).map((l) =>
            l.replace(/ \|\| exit \$\?$/, " || :"),
          ),
        ]
      : []),
    "# Restart= and friends, by psl-run's policy engine",
    ...cmds.finishArgs,
    `if ${decide} "$@"; then`,
    ...(extra > 0 ? [`  sleep ${extra}`] : []),
    "  exit 0",
    "fi",
    cmds.stayDown,
    cmds.finalExit,
    "",
  ].join("\n");
}

/**
 * Activation of a service directory linked into a directory its supervisor scans (runit, daemontools):
 * the scanner starts a newly linked service by itself, so asking it to start as well would run a oneshot
 * that has already finished a second time. The enable lines note which links are new (in $psl_fresh); the
 * start lines wait for the supervisor, then only check a new service and ask an already linked one to
 * start. A service that does not start at boot has a `down` file of its own and no start lines.
 *
 * Under `PSL_NO_START=1` a new link of a service that starts at boot gets a `down` file first, so that
 * its supervisor, which reads the file once when it starts, leaves it down; the hold lines wait for the
 * supervisor and remove the file, so that the service starts at the next boot, as systemd's enable
 * without start.
 */
export function scannedLinkActivation(
  name: string,
  dir: string,
  link: string,
  atBoot: boolean,
  commands: { readonly waitSupervisor: string; readonly checkFresh: string; readonly startLinked: string },
): { enable: string[]; start: string[]; hold: string[] } {
  const fresh = (then: string, otherwise?: string) =>
    `case " \${psl_fresh-} " in *${shJoin([` ${name} `])}*) ${then} ;;${otherwise ? ` *) ${otherwise} ;;` : ""} esac`;
  const down = shJoin([`${dir}/down`]);
  return {
    enable: [
      `[ -e ${shJoin([link])} ] || psl_fresh="\${psl_fresh-}"${shJoin([` ${name}`])}`,
      ...(atBoot
        ? [`if [ "\${PSL_NO_START:-0}" = 1 ] && [ ! -e ${shJoin([link])} ]; then : >${down}; fi`]
        : []),
      shJoin(["ln", "-sfn", dir, link]),
    ],
    start: atBoot ? [commands.waitSupervisor, fresh(commands.checkFresh, commands.startLinked)] : [],
    hold: atBoot ? [fresh(`${commands.waitSupervisor}; rm -f ${down}`)] : [],
  };
}
