/**
 * What the Machine API needs to know about one init system, as a table: the shell command for each job
 * verb, the status command, and the mapping from that command's exit code and output to a portable unit
 * state (`active`, `activating`, `deactivating`, `inactive`, `failed`, or `unknown` when no rule matches).
 * One adapter per init lives beside this file; the Machine never branches on the init's name.
 */
import type { InitName } from "../../vm-images/index.js";
import type { ProcessResult } from "../process/process-result.js";
import { shellQuote } from "../process/shell-quote.js";

export const UNIT_STATES = ["active", "activating", "deactivating", "inactive", "failed", "unknown"] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export type JobVerb = "start" | "stop" | "restart" | "reload";

/** One row of a state mapping: matches on the exit code, on the output, or both. First match wins. */
export interface StateRule {
  readonly exitCode?: number;
  readonly output?: RegExp;
  readonly state: UnitState;
}

export interface InitAdapter {
  readonly init: InitName;
  /** Command templates; `{unit}` is replaced by the shell-quoted service name (without `.service`). */
  readonly jobs: Readonly<Record<JobVerb, string | undefined>>;
  readonly status: string;
  readonly states: readonly StateRule[];
  /** Prints the service's log (stdout and stderr of the service as the init keeps them). */
  readonly journal: string;
  /** Prints the init's own log, kept when a test fails. */
  readonly initLog: string;
}

/** Service names as the adapters use them: `web.service` → `web`. */
export function bareUnit(unit: string): string {
  return unit.endsWith(".service") ? unit.slice(0, -".service".length) : unit;
}

export function fillTemplate(template: string, unit: string): string {
  return template.replaceAll("{unit}", shellQuote(bareUnit(unit)));
}

/** Maps a status command's result through the adapter's table. */
export function mapUnitState(adapter: InitAdapter, result: ProcessResult): UnitState {
  const text = `${result.stdout}\n${result.stderr}`;
  for (const rule of adapter.states) {
    if (rule.exitCode !== undefined && rule.exitCode !== result.exitCode) continue;
    if (rule.output !== undefined && !rule.output.test(text)) continue;
    return rule.state;
  }
  return "unknown";
}

/**
 * The reload verb on targets without one of their own: psl's generated reload script (ExecReload= with
 * $MAINPID from the target's status); missing when the service has no ExecReload=, so the verb fails as
 * `systemctl reload` does.
 */
export const PSL_RELOAD = "/usr/lib/psl/{unit}/reload";

/** The log files psl's generated services write to, in the order they are tried. */
export const SERVICE_LOG_CANDIDATES = [
  "/var/log/psl/{unit}.log",
  "/var/log/psl/{unit}/current",
  "/var/log/{unit}.log",
  "/var/log/{unit}/current",
] as const;

export const catServiceLogs = `for f in ${SERVICE_LOG_CANDIDATES.join(" ")}; do [ -f "$f" ] && cat "$f"; done; true`;
