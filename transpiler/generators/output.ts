/**
 * Where a service's output goes on targets without a journal. systemd's StandardOutput=/StandardError=
 * map to psl-run's --stdout/--stderr: `null` and `file:`/`append:`/`truncate:` are honoured; the journal
 * (the default) and everything else becomes the target's own log: captured by its log service
 * (`inherit`) or appended to `<log>/<service>.log`.
 */
import type { ExecOptions } from "./exec-line.js";
import type { ServicePlan } from "./plan.js";

function sink(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value === "null" || value === "inherit") return value;
  if (/^(file|append|truncate):\//.test(value)) return value;
  return fallback;
}

/** Output options with `journalSink` standing in for the journal (`inherit` when the target captures). */
export function outputOptions(plan: ServicePlan, journalSink: string): ExecOptions {
  const stdout = sink(plan.spec.logging?.standardOutput, journalSink);
  const errValue = plan.spec.logging?.standardError;
  const stderr = errValue === undefined || errValue === "inherit" ? stdout : sink(errValue, journalSink);
  return { stdout, stderr };
}

/** The log file psl uses for a service on targets without a log service. */
export function logFile(plan: ServicePlan): string {
  return `${plan.layout.log}/${plan.spec.name}.log`;
}

/** Output appended to the service's log file unless the spec says otherwise. */
export function defaultOutput(plan: ServicePlan): ExecOptions {
  return outputOptions(plan, `append:${logFile(plan)}`);
}
