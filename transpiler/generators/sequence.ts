/**
 * A service's start as POSIX sh lines, shared by every target whose service definition is (or calls) a
 * shell script: the conditions, ExecCondition=, ExecStartPre=, then the main process (exec'd, so it keeps
 * the supervisor's pid) with ExecStartPost= started beside it — or, for a oneshot, every ExecStart= and
 * then ExecStartPost= in order. The target says what "skip" means (systemd skips a start whose condition
 * fails without marking it failed) and how output and readiness are handled.
 */
import type { Command } from "../spec/schema.js";
import { type CommandRole, conditionCheck, type ExecOptions, execLine } from "./exec-line.js";
import { helperPath } from "./layout.js";
import type { ServicePlan } from "./plan.js";
import { shJoin } from "./sh-quote.js";

export interface ShSequenceOptions {
  /** sh to run when a condition says "skip" (it must end the script, e.g. `exit 0`). */
  readonly skip: string;
  /** Options for every command (output routing). */
  readonly exec?: ExecOptions;
  /** Extra options for the main command only (e.g. `--ready-fd 3`). */
  readonly mainExtra?: readonly string[];
  /** For a oneshot with RemainAfterExit=: keep a placeholder process after the commands. */
  readonly pauseAfter?: boolean;
  /** Run the main command as a child instead of exec'ing it (e.g. inside a function). */
  readonly noExec?: boolean;
}

const line = (plan: ServicePlan, cmd: Command, role: CommandRole, o: ShSequenceOptions, execd = false) =>
  shJoin(execLine(plan, cmd, role, { always: true, ...o.exec, execd }));

/** Conditions and ExecCondition=: lines that end the script via `skip` or `exit 1`. */
export function shConditionLines(plan: ServicePlan, o: ShSequenceOptions): string[] {
  const out: string[] = [];
  const check = conditionCheck(plan);
  if (check) {
    out.push("# Condition*= and Assert*= (psl-run check: 1 = skip the start, 2 = an assert failed)");
    out.push(`${shJoin(check)} && :`, `case $? in 0) ;; 1) ${o.skip} ;; *) exit 1 ;; esac`);
  }
  for (const cmd of plan.spec.lifecycle?.condition ?? []) {
    out.push("# ExecCondition=: exit status 1-254 skips the start");
    out.push(`${line(plan, cmd, "condition", o)} && :`);
    out.push(`rc=$?; if [ "$rc" -ne 0 ]; then if [ "$rc" -lt 255 ]; then ${o.skip}; fi; exit 1; fi`);
  }
  return out;
}

/** Each command on its own line, stopping at the first failure. */
export function shSteps(
  plan: ServicePlan,
  cmds: readonly Command[],
  role: CommandRole,
  o: ShSequenceOptions,
) {
  return cmds.map((cmd) => `${line(plan, cmd, role, o)} || exit $?`);
}

/** The whole start sequence. */
export function shStartSequence(plan: ServicePlan, o: ShSequenceOptions): string[] {
  const lc = plan.spec.lifecycle;
  const out = shConditionLines(plan, o);
  if (lc?.startPre) out.push("# ExecStartPre=", ...shSteps(plan, lc.startPre, "pre", o));
  const mains = plan.spec.process?.start ?? [];
  const post = lc?.startPost ?? [];
  if (plan.type === "oneshot") {
    if (mains.length > 0)
      out.push("# ExecStart= (oneshot: each in turn)", ...shSteps(plan, mains, "main", o));
    if (post.length > 0) out.push("# ExecStartPost=", ...shSteps(plan, post, "post", o));
    if (o.pauseAfter)
      out.push("# RemainAfterExit=yes: stay up", `exec ${shJoin([helperPath(plan.target), "pause"])}`);
    return out;
  }
  if (post.length > 0) {
    out.push("# ExecStartPost=, beside the main process");
    out.push(`(${post.map((c) => line(plan, c, "post", o)).join(" && ")}) &`);
  }
  const main = mains[0];
  if (main) {
    const withReady: ShSequenceOptions = {
      ...o,
      exec: { ...o.exec, extra: [...(o.exec?.extra ?? []), ...(o.mainExtra ?? [])] },
    };
    out.push("# ExecStart=");
    out.push(
      o.noExec ? line(plan, main, "main", withReady) : `exec ${line(plan, main, "main", withReady, true)}`,
    );
  }
  return out;
}
