/**
 * systemd's value syntaxes for durations, sizes, booleans and exit statuses, both ways.
 * Durations become seconds (fractional allowed) or "infinity"; printing picks the shortest exact form.
 */

const TIME_UNITS: [RegExp, number][] = [
  [/^(us|usec|µs|μs)$/, 1e-6],
  [/^(ms|msec)$/, 1e-3],
  [/^(s|sec|second|seconds)?$/, 1],
  [/^(m|min|minute|minutes)$/, 60],
  [/^(h|hr|hour|hours)$/, 3600],
  [/^(d|day|days)$/, 86400],
  [/^(w|week|weeks)$/, 604800],
  [/^(M|month|months)$/, 2629800],
  [/^(y|year|years)$/, 31557600],
];

/** Parses a systemd time span (`5min 20s`, `1.5h`, `300`, `infinity`) into seconds. */
export function parseTimespan(s: string, defaultUnit = 1): number | "infinity" | undefined {
  const t = s.trim();
  if (t === "infinity") return "infinity";
  if (t.length === 0) return undefined;
  let total = 0;
  let rest = t;
  let any = false;
  while (rest.length > 0) {
    const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([A-Za-zµμ]*)/.exec(rest);
    if (!m || m[0].length === 0) return undefined;
    const num = Number(m[1]);
    const unitText = m[2] ?? "";
    let factor: number | undefined;
    if (unitText === "") factor = defaultUnit;
    else for (const [re, f] of TIME_UNITS) if (re.test(unitText)) factor = f;
    if (factor === undefined) return undefined;
    total += num * factor;
    rest = rest.slice(m[0].length);
    any = true;
  }
  if (!any) return undefined;
  return Math.round(total * 1e6) / 1e6;
}

/** Prints seconds as a systemd time span that parses back to the same number. */
export function formatTimespan(v: number | "infinity"): string {
  if (v === "infinity") return "infinity";
  if (Number.isInteger(v)) {
    if (v !== 0 && v % 3600 === 0) return `${v / 3600}h`;
    if (v !== 0 && v % 60 === 0) return `${v / 60}min`;
    return `${v}s`;
  }
  const ms = v * 1000;
  if (Math.abs(ms - Math.round(ms)) < 1e-9) return `${Math.round(ms)}ms`;
  return `${Math.round(v * 1e6)}us`;
}

const TRUE = new Set(["1", "yes", "y", "true", "t", "on"]);
const FALSE = new Set(["0", "no", "n", "false", "f", "off"]);

/** systemd's boolean syntax; undefined when `s` is not a boolean. */
export function parseBoolean(s: string): boolean | undefined {
  const t = s.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

const SIZE_FACTORS: Record<string, number> = {
  "": 1,
  B: 1,
  K: 1024,
  M: 1024 ** 2,
  G: 1024 ** 3,
  T: 1024 ** 4,
  P: 1024 ** 5,
  E: 1024 ** 6,
};

/** Parses a size with binary suffixes (`64K`, `1G`); undefined when malformed. */
export function parseSize(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGTPEB]?)\s*$/.exec(s);
  if (!m) return undefined;
  const f = SIZE_FACTORS[m[2] ?? ""];
  return f === undefined ? undefined : Math.round(Number(m[1]) * f);
}

/** Parses `SuccessExitStatus=`-style lists: numbers, names like `SIGKILL` or `KILL`, and exit status names. */
export function parseExitStatus(s: string): { codes: number[]; signals: string[] } | string {
  const codes: number[] = [];
  const signals: string[] = [];
  for (const w of s.split(/\s+/).filter((x) => x.length > 0)) {
    if (/^\d+$/.test(w)) {
      const n = Number(w);
      if (n > 255) return `exit status ${w} is out of range`;
      codes.push(n);
    } else if (isSignalName(w)) {
      signals.push(w.startsWith("SIG") ? w : `SIG${w}`);
    } else {
      return `\`${w}\` is neither an exit status nor a signal`;
    }
  }
  return { codes, signals };
}

const SIGNALS = new Set(
  "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO POLL PWR SYS RTMIN RTMAX".split(
    " ",
  ),
);

/** Whether `name` names a Linux signal, with or without `SIG`, including `RTMIN+n`/`RTMAX-n`. */
export function isSignalName(name: string): boolean {
  const bare = name.startsWith("SIG") ? name.slice(3) : name;
  if (SIGNALS.has(bare)) return true;
  return /^RTMIN\+\d+$|^RTMAX-\d+$/.test(bare);
}

/** Normalises a signal written as `TERM`, `SIGTERM` or a number to `SIGTERM`; undefined when unknown. */
export function normalizeSignal(s: string): string | undefined {
  const t = s.trim();
  if (/^\d+$/.test(t)) return NUMBERED[Number(t)];
  if (!isSignalName(t)) return undefined;
  return t.startsWith("SIG") ? t : `SIG${t}`;
}

const NUMBERED: Record<number, string> = {
  1: "SIGHUP",
  2: "SIGINT",
  3: "SIGQUIT",
  4: "SIGILL",
  5: "SIGTRAP",
  6: "SIGABRT",
  7: "SIGBUS",
  8: "SIGFPE",
  9: "SIGKILL",
  10: "SIGUSR1",
  11: "SIGSEGV",
  12: "SIGUSR2",
  13: "SIGPIPE",
  14: "SIGALRM",
  15: "SIGTERM",
  17: "SIGCHLD",
  18: "SIGCONT",
  19: "SIGSTOP",
  20: "SIGTSTP",
  21: "SIGTTIN",
  22: "SIGTTOU",
  28: "SIGWINCH",
};
