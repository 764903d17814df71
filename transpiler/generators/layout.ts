/**
 * Where things live on each target's operating system: psl's own files (the runtime helper, job scripts,
 * launchers), and the bases of systemd's directory kinds. Linux targets share one layout; FreeBSD and
 * macOS keep add-on software under /usr/local and runtime state under /var/run.
 */
import type { TargetName } from "./types.js";

export interface Layout {
  /** psl's files: `<libexec>/psl-run` and `<libexec>/<service>/…`. */
  readonly libexec: string;
  /** Base directories of StateDirectory=, RuntimeDirectory=, … */
  readonly bases: Readonly<Record<"state" | "runtime" | "cache" | "logs" | "configuration", string>>;
  /** Where psl-run keeps restart history and credentials (`<run>/psl`, `<run>/credentials`). */
  readonly run: string;
  /** Where services log when the target has no log service of its own. */
  readonly log: string;
  readonly os: "linux" | "freebsd" | "darwin";
}

const LINUX: Layout = {
  libexec: "/usr/lib/psl",
  bases: { state: "/var/lib", runtime: "/run", cache: "/var/cache", logs: "/var/log", configuration: "/etc" },
  run: "/run",
  log: "/var/log",
  os: "linux",
};

const FREEBSD: Layout = {
  libexec: "/usr/local/libexec/psl",
  bases: {
    state: "/var/db",
    runtime: "/var/run",
    cache: "/var/cache",
    logs: "/var/log",
    configuration: "/usr/local/etc",
  },
  run: "/var/run",
  log: "/var/log",
  os: "freebsd",
};

const DARWIN: Layout = {
  libexec: "/usr/local/libexec/psl",
  bases: {
    state: "/var/lib",
    runtime: "/var/run",
    cache: "/var/cache",
    logs: "/var/log",
    configuration: "/etc",
  },
  run: "/var/run",
  log: "/var/log",
  os: "darwin",
};

export function layoutOf(target: TargetName): Layout {
  if (target === "freebsd-rc") return FREEBSD;
  if (target === "launchd") return DARWIN;
  return LINUX;
}

/** psl-run's installed path on `target`. */
export function helperPath(target: TargetName): string {
  return `${layoutOf(target).libexec}/psl-run`;
}
