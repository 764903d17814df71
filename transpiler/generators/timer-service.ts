/**
 * Timers on targets without them: each timer becomes a service of its own, `<service>-timer`, that runs
 * psl-run's timer loop, which runs the service's start launcher when the calendar (or the monotonic delay)
 * is due. The synthesised spec goes through the same generator as any other service, so it is supervised,
 * ordered and installed the target's way. Calendars that cannot be translated are reported.
 */
import { type Diagnostic, diag } from "../diagnostics/index.js";
import type { ServiceSpec, Timer } from "../spec/schema.js";
import { calendarToCron, cronLine } from "./calendar.js";
import { helperPath, layoutOf } from "./layout.js";
import type { TargetName } from "./types.js";

const secs = (v: number | "infinity" | undefined) =>
  v === undefined || v === "infinity" ? undefined : String(v);

/** The psl-run timer options for `timer`, or undefined when nothing of it can run. */
export function timerOptions(
  spec: ServiceSpec,
  timer: Timer,
  target: TargetName,
  diagnostics: Diagnostic[],
): string[] | undefined {
  const out: string[] = [];
  for (const expr of timer.onCalendar ?? []) {
    const r = calendarToCron(expr);
    if (r.ok) out.push("--calendar", cronLine(r.fields));
    else
      diagnostics.push(
        diag("PSL6006", { service: spec.name, calendar: expr, target }, { target, notes: [r.reason] }),
      );
  }
  const boot = [...(timer.onBootSec ?? []), ...(timer.onStartupSec ?? []), ...(timer.onActiveSec ?? [])];
  const first = secs(boot[0]);
  if (first) out.push("--boot-delay", first);
  const every = secs(timer.onUnitActiveSec?.[0]);
  if (every) out.push("--every", every);
  const after = secs(timer.onUnitInactiveSec?.[0]);
  if (after) out.push("--after-finish", after);
  if (out.length === 0) return undefined;
  const rand = secs(timer.randomizedDelaySec);
  if (rand) out.push("--random-delay", rand);
  return out;
}

/** The companion services that run `spec`'s timers on `target`. */
export function timerServices(
  spec: ServiceSpec,
  target: TargetName,
  diagnostics: Diagnostic[],
): ServiceSpec[] {
  const launcher = `${layoutOf(target).libexec}/${spec.name}/start`;
  const out: ServiceSpec[] = [];
  for (const timer of spec.timers ?? []) {
    if (timer.enable === false || spec.enable === false) continue;
    const opts = timerOptions(spec, timer, target, diagnostics);
    if (!opts) continue;
    const stem = timer.name.replace(/\.timer$/, "");
    const name = stem === spec.name ? `${spec.name}-timer` : `${stem}-timer`;
    out.push({
      name,
      description: `Runs ${spec.name} on the schedule of ${timer.name} (psl timer loop)`,
      process: {
        type: "simple",
        start: [{ argv: [helperPath(target), "timer", "--name", name, ...opts, "--", launcher] }],
      },
      restart: { policy: "always" },
      dependencies: { wantedBy: ["multi-user.target"] },
    });
  }
  return out;
}
