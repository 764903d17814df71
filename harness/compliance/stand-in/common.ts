/**
 * Shared parts of the harness's stand-in generators. The real generators (issue 6, under
 * `transpiler/generators/<target>/`) are not there yet; until they are, the compliance suite installs
 * services rendered by these stand-ins, which fulfil the same contract (`Generator` from
 * `transpiler/generators/types.ts`: `rootfs/…`, `install.sh`, `uninstall.sh`) for the features the
 * scenarios use. Most inits get a POSIX sh launcher per service that does what they cannot: directories
 * with owner and mode, umask, working directory, environment files and literal environment, and the
 * switch to the service's user, group and supplementary groups (util-linux `setpriv`), then `exec`s argv.
 */
import type { GeneratedFile } from "../../../transpiler/generators/types.js";
import type { ServiceSpec } from "../../../transpiler/spec/schema.js";
import { shellJoin, shellQuote } from "../../process/shell-quote.js";

export const LAUNCHER_DIR = "/usr/lib/psl-stand-in";
export const LOG_DIR = "/var/log/psl";

export const launcherPath = (spec: ServiceSpec) => `${LAUNCHER_DIR}/${spec.name}`;
export const logPath = (spec: ServiceSpec) => `${LOG_DIR}/${spec.name}.log`;

/** Bare service names of what `spec` requires (`a.service` → `a`). */
export function requiredNames(spec: ServiceSpec): string[] {
  const d = spec.dependencies;
  const names = [...(d?.requires ?? []), ...(d?.wants ?? [])];
  return [...new Set(names.filter((n) => n.endsWith(".service")).map((n) => n.slice(0, -".service".length)))];
}

export const isOneshot = (spec: ServiceSpec) => spec.process?.type === "oneshot";
export const restartPolicy = (spec: ServiceSpec) => spec.restart?.policy ?? "no";
export const stopSignalName = (spec: ServiceSpec) => (spec.stop?.signal ?? "SIGTERM").replace(/^SIG/, "");
export const stopTimeoutSec = (spec: ServiceSpec) => {
  const t = spec.stop?.timeoutSec;
  return t === undefined || t === "infinity" ? 90 : t;
};

/** True when the spec's reload is "send SIGHUP to the main process", which every supervisor can do. */
export function reloadIsHup(spec: ServiceSpec): boolean {
  const r = spec.lifecycle?.reload;
  return (
    r?.length === 1 && /^(\/bin\/)?kill$/.test(r[0]?.argv[0] ?? "") && r[0]?.argv.includes("-HUP") === true
  );
}

function directoryLines(spec: ServiceSpec, owner: string): string[] {
  const out: string[] = [];
  const dirs = spec.directories;
  const sets: [string, { paths: string[]; mode?: string } | undefined, string][] = [
    ["/var/lib", dirs?.state, "0755"],
    ["/run", dirs?.runtime, "0755"],
    ["/var/cache", dirs?.cache, "0755"],
    ["/var/log", dirs?.logs, "0755"],
  ];
  for (const [base, set, defaultMode] of sets) {
    for (const p of set?.paths ?? []) {
      const path = shellQuote(`${base}/${p}`);
      out.push(`mkdir -p ${path}`, `chown ${owner} ${path}`, `chmod ${set?.mode ?? defaultMode} ${path}`);
    }
  }
  return out;
}

/**
 * The launcher: runs as root, prepares, then becomes the service. With `hold`, a oneshot that finished
 * keeps a process alive (how supervisors emulate RemainAfterExit).
 */
export function renderLauncher(spec: ServiceSpec, options: { hold?: boolean } = {}): GeneratedFile {
  const p = spec.process;
  const id = spec.identity;
  const user = id?.user;
  const group = id?.group ?? user;
  const lines = ["#!/bin/sh", `# ${spec.name}: psl stand-in launcher (harness)`, "set -e"];
  lines.push(...directoryLines(spec, `${user ?? "root"}:${group ?? "root"}`));
  if (p?.umask) lines.push(`umask ${p.umask}`);
  // systemd's default working directory is /, whatever directory the supervisor runs us in.
  lines.push(`cd ${shellQuote(p?.workingDirectory?.path ?? "/")}`);
  for (const f of p?.environmentFiles ?? []) {
    const path = shellQuote(f.path);
    const read = `while IFS= read -r l || [ -n "$l" ]; do case "$l" in ''|'#'*|';'*) ;; *=*) export "$l" ;; esac; done < ${path}`;
    lines.push(f.optional ? `if [ -f ${path} ]; then ${read}; fi` : read);
  }
  for (const [k, v] of Object.entries(p?.environment ?? {})) lines.push(`export ${shellQuote(`${k}=${v}`)}`);
  let prefix: string[] = [];
  if (user !== undefined) {
    const extra = (id?.supplementaryGroups ?? [])
      .map((g) => `,$(getent group ${shellQuote(g)} | cut -d: -f3)`)
      .join("");
    lines.push(`groups="$(id -G ${shellQuote(user)} | tr ' ' ,)${extra}"`);
    prefix = ["setpriv", `--reuid=${user}`, `--regid=${group ?? user}`, "--groups=$groups", "--"];
  }
  const commands = p?.start ?? [];
  const render = (argv: readonly string[]) =>
    [
      ...prefix.map((w) => (w === "--groups=$groups" ? '"--groups=$groups"' : shellQuote(w))),
      shellJoin(argv),
    ].join(" ");
  if (isOneshot(spec)) {
    for (const c of commands) lines.push(render(c.argv));
    if (options.hold) lines.push("exec sleep infinity");
  } else {
    const main = commands[0];
    if (main === undefined) throw new Error(`stand-in: ${spec.name} has no start command`);
    lines.push(`exec ${render(main.argv)}`);
  }
  return { path: `rootfs${launcherPath(spec)}`, content: `${lines.join("\n")}\n`, mode: 0o755 };
}

/** Lines that create the spec's groups and users (idempotent). */
export function accountLines(spec: ServiceSpec): string[] {
  const out: string[] = [];
  const groups = new Set<string>([
    ...(spec.accounts?.groups ?? []).map((g) => g.name),
    ...(spec.identity?.supplementaryGroups ?? []),
    ...(spec.identity?.group ? [spec.identity.group] : []),
  ]);
  for (const g of groups)
    out.push(`getent group ${shellQuote(g)} >/dev/null || groupadd -r ${shellQuote(g)}`);
  const users = new Map<string, string>();
  for (const u of spec.accounts?.users ?? []) users.set(u.name, u.group ?? u.name);
  if (spec.identity?.user && !users.has(spec.identity.user)) {
    users.set(spec.identity.user, spec.identity.group ?? spec.identity.user);
  }
  for (const [u, g] of users) {
    out.push(
      `getent group ${shellQuote(g)} >/dev/null || groupadd -r ${shellQuote(g)}`,
      `getent passwd ${shellQuote(u)} >/dev/null || useradd -r -g ${shellQuote(g)} -d /nonexistent -s /usr/sbin/nologin ${shellQuote(u)}`,
    );
  }
  return out;
}

/** Configuration files the spec carries, as rootfs files. */
export function configFiles(spec: ServiceSpec): GeneratedFile[] {
  return (spec.configFiles ?? [])
    .filter((f) => f.text !== undefined)
    .map((f) => ({
      path: `rootfs${f.path}`,
      content: f.text ?? "",
      mode: Number.parseInt(f.mode ?? "0644", 8),
    }));
}

/** Services in start order: each after what it requires (the specs' own order otherwise). */
export function startOrder(specs: readonly ServiceSpec[]): ServiceSpec[] {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: ServiceSpec[] = [];
  const visit = (s: ServiceSpec, seen: Set<string>) => {
    if (out.includes(s) || seen.has(s.name)) return;
    seen.add(s.name);
    for (const d of requiredNames(s)) {
      const dep = byName.get(d);
      if (dep) visit(dep, seen);
    }
    out.push(s);
  };
  for (const s of specs) visit(s, new Set());
  return out;
}

export interface InstallParts {
  /** Per service, after the files are in place: enable it. */
  readonly enable: (spec: ServiceSpec) => string[];
  /** Per service, in dependency order: start it (skipped with PSL_NO_START=1). */
  readonly start: (spec: ServiceSpec) => string[];
  /** Per service, in reverse order: stop and disable it. */
  readonly remove: (spec: ServiceSpec) => string[];
  /** Lines run once after all services are enabled (e.g. `systemctl daemon-reload`). */
  readonly afterEnable?: readonly string[];
}

/** install.sh and uninstall.sh around the per-init parts. */
export function renderScripts(
  target: string,
  specs: readonly ServiceSpec[],
  files: readonly GeneratedFile[],
  parts: InstallParts,
): GeneratedFile[] {
  const ordered = startOrder(specs);
  const install = [
    "#!/bin/sh",
    `# install.sh for ${target}: generated by psl's harness stand-in generator; run as root beside rootfs/.`,
    "set -e",
    'cd "$(dirname "$0")"',
    ...specs.flatMap(accountLines),
    `mkdir -p ${LOG_DIR}`,
    "tar -C rootfs -cf - . | tar -C / --no-same-owner --no-overwrite-dir -xpf -",
    ...specs.flatMap((s) =>
      (s.configFiles ?? [])
        .filter((f) => f.user || f.group)
        .map((f) => `chown ${shellQuote(`${f.user ?? "root"}:${f.group ?? "root"}`)} ${shellQuote(f.path)}`),
    ),
    ...ordered.flatMap(parts.enable),
    ...(parts.afterEnable ?? []),
    'if [ "${PSL_NO_START:-}" != 1 ]; then',
    "  :",
    ...ordered.flatMap(parts.start).map((l) => `  ${l}`),
    "fi",
  ];
  const uninstall = [
    "#!/bin/sh",
    `# uninstall.sh for ${target}: generated by psl's harness stand-in generator.`,
    'cd "$(dirname "$0")"',
    ...[...ordered].reverse().flatMap(parts.remove),
    ...files
      .filter((f) => f.path.startsWith("rootfs/"))
      .map((f) => `rm -f ${shellQuote(f.path.slice("rootfs".length))}`),
  ];
  return [
    { path: "install.sh", content: `${install.join("\n")}\n`, mode: 0o755 },
    { path: "uninstall.sh", content: `${uninstall.join("\n")}\n`, mode: 0o755 },
  ];
}
