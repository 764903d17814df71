/**
 * systemd calendar events (OnCalendar=, NixOS `startAt`) as cron-like fields for psl-run's timer loop and
 * for launchd's StartCalendarInterval. Supported: the shorthands (`daily`, `hourly`, …), a weekday list or
 * range, `Y-M-D` with `*` years, `H:M[:S]` with zero seconds, and per component `*`, `n`, `a..b`, `a,b`,
 * `a/n`. Anything else (years, non-zero seconds, time zones, `~` last days) is refused with a reason, and
 * the caller reports the calendar as not carried.
 */

/** Minute, hour, day of month, month, day of week (0 = Sunday), each in cron syntax. */
export interface CronFields {
  readonly minute: string;
  readonly hour: string;
  readonly dom: string;
  readonly month: string;
  readonly dow: string;
}

export type CalendarResult = { ok: true; fields: CronFields } | { ok: false; reason: string };

const SHORTHANDS: Record<string, string> = {
  minutely: "*-*-* *:*:00",
  hourly: "*-*-* *:00:00",
  daily: "*-*-* 00:00:00",
  weekly: "Mon *-*-* 00:00:00",
  monthly: "*-*-01 00:00:00",
  yearly: "*-01-01 00:00:00",
  annually: "*-01-01 00:00:00",
  quarterly: "*-01,04,07,10-01 00:00:00",
  semiannually: "*-01,07-01 00:00:00",
};

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function dayIndex(name: string): number | undefined {
  const i = DAYS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i;
}

function weekdays(spec: string): string | undefined {
  const out = new Set<number>();
  for (const part of spec.split(",")) {
    const [a, b] = part.split("..");
    const from = dayIndex(a ?? "");
    const to = b === undefined ? from : dayIndex(b);
    if (from === undefined || to === undefined) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return [...out].sort((x, y) => x - y).join(",");
}

/** One component (`*`, `5`, `1..5`, `1,3`, `0/15`) as a cron field; undefined when not expressible. */
function component(spec: string, max: number): string | undefined {
  const parts: string[] = [];
  for (const part of spec.split(",")) {
    const m = /^(\*|\d+)(?:\.\.(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const [, start, end, step] = m;
    const num = (s: string) => String(Number(s));
    if (start === "*") parts.push(step ? `*/${num(step)}` : "*");
    else if (end !== undefined) parts.push(`${num(start ?? "0")}-${num(end)}${step ? `/${num(step)}` : ""}`);
    else if (step !== undefined) parts.push(`${num(start ?? "0")}-${max}/${num(step)}`);
    else parts.push(num(start ?? "0"));
  }
  return parts.join(",");
}

/** Translates one calendar expression. */
export function calendarToCron(expression: string): CalendarResult {
  const text = SHORTHANDS[expression.trim().toLowerCase()] ?? expression.trim();
  const words = text.split(/\s+/).filter((w) => w !== "");
  let dow = "*";
  if (words[0] && /^[A-Za-z]/.test(words[0])) {
    const d = weekdays(words.shift() as string);
    if (d === undefined) return { ok: false, reason: "the weekday list is not understood" };
    dow = d;
  }
  let date = "*-*-*";
  let time = "00:00:00";
  for (const w of words) {
    if (w.includes("-")) date = w;
    else if (w.includes(":")) time = w;
    else return { ok: false, reason: `\`${w}\` is not supported (time zones are not)` };
  }
  if (words.length === 0 && dow === "*") return { ok: false, reason: "the expression is empty" };
  const dateParts = date.split("-");
  if (dateParts.length === 2) dateParts.unshift("*");
  const [year, month, day] = dateParts;
  if (year !== "*") return { ok: false, reason: "a fixed year is not supported" };
  const timeParts = time.split(":");
  const [hour, minute, second = "00"] = timeParts;
  if (!/^0+$/.test(second)) return { ok: false, reason: "seconds other than :00 are not supported" };
  const f = {
    minute: component(minute ?? "", 59),
    hour: component(hour ?? "", 23),
    dom: component(day ?? "", 31),
    month: component(month ?? "", 12),
  };
  if (!f.minute || !f.hour || !f.dom || !f.month)
    return { ok: false, reason: "a component is not supported" };
  return { ok: true, fields: { minute: f.minute, hour: f.hour, dom: f.dom, month: f.month, dow } };
}

/** The five fields as psl-run's `--calendar` argument. */
export function cronLine(f: CronFields): string {
  return `${f.minute} ${f.hour} ${f.dom} ${f.month} ${f.dow}`;
}

function expand(field: string, min: number, max: number): number[] | undefined {
  if (field === "*") return undefined;
  const out = new Set<number>();
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/");
    const step = Number(stepText ?? "1");
    const [a, b] = (range ?? "").split("-");
    const lo = a === "*" ? min : Number(a);
    const hi = a === "*" ? max : b === undefined ? lo : Number(b);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return [...out].sort((x, y) => x - y);
}

/** launchd StartCalendarInterval dictionaries, or undefined when there would be more than `limit`. */
export function launchdIntervals(f: CronFields, limit = 64): Record<string, number>[] | undefined {
  const fields: [string, number[] | undefined][] = [
    ["Minute", expand(f.minute, 0, 59)],
    ["Hour", expand(f.hour, 0, 23)],
    ["Day", expand(f.dom, 1, 31)],
    ["Month", expand(f.month, 1, 12)],
    ["Weekday", expand(f.dow, 0, 6)],
  ];
  let dicts: Record<string, number>[] = [{}];
  for (const [key, values] of fields) {
    if (!values) continue;
    dicts = dicts.flatMap((d) => values.map((v) => ({ ...d, [key]: v })));
    if (dicts.length > limit) return undefined;
  }
  return dicts;
}
