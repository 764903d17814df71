/**
 * install.sh and uninstall.sh, shared by every target: the same steps in the same order, with the target's
 * own commands for activation. install.sh (POSIX sh, run as root from the directory holding rootfs/) makes
 * groups and users, puts every file of rootfs/ in place with its mode (root-owned unless the spec says
 * otherwise), creates directories and applies tmpfiles rules, then lets the target enable and start the
 * services in start order (not started when PSL_NO_START=1). It is idempotent. uninstall.sh stops and
 * disables in reverse order and removes the files; data directories and the accounts install.sh created go
 * only with PSL_PURGE=1.
 */
import type { Layout } from "./layout.js";
import { shJoin, shQuote } from "./sh-quote.js";
import type { GeneratedFile, TargetName } from "./types.js";

export interface AccountGroup {
  readonly name: string;
  readonly gid?: number;
}
export interface AccountUser {
  readonly name: string;
  readonly group: string;
  readonly home: string;
  readonly shell?: string;
  readonly uid?: number;
  readonly groups: readonly string[];
}
export interface InstallDirectory {
  readonly path: string;
  readonly mode: string;
  readonly owner: string;
  /** Default: the owner's login group. */
  readonly group?: string;
  /** Data (state, cache, logs): removed by uninstall only with PSL_PURGE=1. */
  readonly data: boolean;
}
export interface InstallFileOwner {
  readonly path: string;
  readonly owner?: string;
  readonly group?: string;
}

export interface InstallParts {
  readonly target: TargetName;
  readonly layout: Layout;
  readonly groups: readonly AccountGroup[];
  readonly users: readonly AccountUser[];
  /** Every file under rootfs/ (paths with the `rootfs/` prefix). */
  readonly files: readonly GeneratedFile[];
  readonly owners: readonly InstallFileOwner[];
  readonly directories: readonly InstallDirectory[];
  /** Extra sh after the files are in place (tmpfiles rules, symlinks to store sources…). */
  readonly afterFiles: readonly string[];
  /** Target activation, run once after every file is in place (e.g. `systemctl daemon-reload`). */
  readonly activate: readonly string[];
  /** uninstall.sh: after stopping, before removing files. */
  readonly removal: readonly string[];
  /** Per service, in start order: sh lines to enable it and to start it. */
  readonly services: readonly {
    readonly name: string;
    readonly enable: readonly string[];
    readonly start: readonly string[];
    /** Run instead of `start` when `PSL_NO_START=1`. */
    readonly hold: readonly string[];
    readonly stop: readonly string[];
    readonly disable: readonly string[];
  }[];
  /** Comments describing what the target needs (packages, store paths to realise). */
  readonly notes: readonly string[];
}

const ACCOUNT_FUNCTIONS: Record<Layout["os"], string[]> = {
  linux: [
    "psl_group() { # NAME [GID]",
    '  grep -q "^$1:" /etc/group && return 0',
    "  if command -v groupadd >/dev/null 2>&1; then",
    '    groupadd --system ${2:+--gid "$2"} "$1"',
    "  else",
    '    addgroup -S ${2:+-g "$2"} "$1"',
    "  fi",
    '  echo "group $1" >>"$PSL_CREATED"',
    "}",
    "psl_user() { # NAME GROUP HOME SHELL [UID]",
    '  grep -q "^$1:" /etc/passwd && return 0',
    '  grep -q "^$2:" /etc/group || psl_group "$2"',
    "  if command -v useradd >/dev/null 2>&1; then",
    '    useradd --system --gid "$2" --home-dir "$3" --no-create-home --shell "$4" ${5:+--uid "$5"} "$1"',
    "  else",
    '    adduser -S -D -H -G "$2" -h "$3" -s "$4" ${5:+-u "$5"} "$1"',
    "  fi",
    '  echo "user $1" >>"$PSL_CREATED"',
    "}",
    "psl_member() { # USER GROUP",
    '  id -Gn "$1" | tr " " "\\n" | grep -qx "$2" && return 0',
    '  if command -v usermod >/dev/null 2>&1; then usermod -a -G "$2" "$1"; else addgroup "$1" "$2"; fi',
    "}",
    'psl_delete_account() { if [ "$1" = user ]; then userdel "$2" || deluser "$2"; else groupdel "$2" || delgroup "$2"; fi; }',
  ],
  freebsd: [
    "psl_group() { # NAME [GID]",
    '  pw groupshow "$1" >/dev/null 2>&1 && return 0',
    '  pw groupadd "$1" ${2:+-g "$2"}',
    '  echo "group $1" >>"$PSL_CREATED"',
    "}",
    "psl_user() { # NAME GROUP HOME SHELL [UID]",
    '  pw usershow "$1" >/dev/null 2>&1 && return 0',
    '  pw groupshow "$2" >/dev/null 2>&1 || psl_group "$2"',
    '  pw useradd "$1" -g "$2" -d "$3" -s "$4" ${5:+-u "$5"}',
    '  echo "user $1" >>"$PSL_CREATED"',
    "}",
    'psl_member() { pw groupmod "$2" -m "$1"; }',
    'psl_delete_account() { if [ "$1" = user ]; then pw userdel "$2"; else pw groupdel "$2"; fi; }',
  ],
  darwin: [
    "psl_free_id() { # KIND (Users|Groups) KEY",
    '  dscl . -list "/$1" "$2" | awk \'$2 >= 300 && $2 < 500 { u[$2] = 1 } END { for (i = 300; i < 500; i++) if (!(i in u)) { print i; exit } }\'',
    "}",
    "psl_group() { # NAME [GID]",
    '  dscl . -read "/Groups/$1" >/dev/null 2>&1 && return 0',
    "  gid=${2:-$(psl_free_id Groups PrimaryGroupID)}",
    '  dscl . -create "/Groups/$1" PrimaryGroupID "$gid"',
    '  echo "group $1" >>"$PSL_CREATED"',
    "}",
    "psl_user() { # NAME GROUP HOME SHELL [UID]",
    '  dscl . -read "/Users/$1" >/dev/null 2>&1 && return 0',
    '  dscl . -read "/Groups/$2" >/dev/null 2>&1 || psl_group "$2"',
    "  uid=${5:-$(psl_free_id Users UniqueID)}",
    "  gid=$(dscl . -read \"/Groups/$2\" PrimaryGroupID | awk '{ print $2 }')",
    '  dscl . -create "/Users/$1" UniqueID "$uid"',
    '  dscl . -create "/Users/$1" PrimaryGroupID "$gid"',
    '  dscl . -create "/Users/$1" NFSHomeDirectory "$3"',
    '  dscl . -create "/Users/$1" UserShell "$4"',
    '  echo "user $1" >>"$PSL_CREATED"',
    "}",
    'psl_member() { dseditgroup -o edit -a "$1" -t user "$2"; }',
    'psl_delete_account() { if [ "$1" = user ]; then dscl . -delete "/Users/$2"; else dscl . -delete "/Groups/$2"; fi; }',
  ],
};

const NOLOGIN: Record<Layout["os"], string> = {
  linux: "/usr/sbin/nologin",
  freebsd: "/usr/sbin/nologin",
  darwin: "/usr/bin/false",
};

function header(target: TargetName, what: string, notes: readonly string[]): string[] {
  return [
    "#!/bin/sh",
    `# psl ${what} script for ${target}. Generated: run as root from the directory that holds rootfs/.`,
    ...notes.map((n) => `# ${n}`),
    "set -eu",
    'cd "$(dirname "$0")"',
    'if [ "$(id -u)" != 0 ]; then',
    `  echo "${what}.sh: run me as root" >&2`,
    "  exit 1",
    "fi",
  ];
}

function stateDir(parts: InstallParts): string {
  return `${parts.layout.libexec}/.installed`;
}

/** install.sh */
export function renderInstall(parts: InstallParts): string {
  const os = parts.layout.os;
  const out = [
    ...header(parts.target, "install", parts.notes),
    `PSL_CREATED=${shQuote(`${stateDir(parts)}/created-accounts`)}`,
    `mkdir -p ${shQuote(stateDir(parts))}`,
    `touch "$PSL_CREATED"`,
    "",
    "psl_put() { # SOURCE DEST MODE: installs one file atomically, root-owned",
    '  mkdir -p "$(dirname "$2")"',
    '  cp "$1" "$2.psl-new"',
    '  chmod "$3" "$2.psl-new"',
    '  chown 0:0 "$2.psl-new" 2>/dev/null || :',
    '  mv -f "$2.psl-new" "$2"',
    "}",
    ...ACCOUNT_FUNCTIONS[os],
    "",
    "# Groups and users",
    ...parts.groups.map((g) =>
      shJoin(["psl_group", g.name, ...(g.gid !== undefined ? [String(g.gid)] : [])]),
    ),
    ...parts.users.map((u) =>
      shJoin([
        "psl_user",
        u.name,
        u.group,
        u.home,
        u.shell ?? NOLOGIN[os],
        ...(u.uid !== undefined ? [String(u.uid)] : []),
      ]),
    ),
    ...parts.users.flatMap((u) => u.groups.map((g) => shJoin(["psl_member", u.name, g]))),
    "",
    "# Files",
    ...parts.files.map((f) => {
      const dest = f.path.slice("rootfs".length);
      return shJoin(["psl_put", f.path, dest, (f.mode & 0o7777).toString(8).padStart(4, "0")]);
    }),
    ...parts.owners.map((o) => shJoin(["chown", `${o.owner ?? "0"}:${o.group ?? "0"}`, o.path])),
    `printf '%s\\n' ${parts.files.map((f) => shQuote(f.path.slice("rootfs".length))).join(" ") || "''"} >${shQuote(`${stateDir(parts)}/files`)}`,
    "",
    "# Directories",
    ...parts.directories.flatMap((d) => [
      shJoin(["mkdir", "-p", d.path]),
      d.group
        ? shJoin(["chown", `${d.owner}:${d.group}`, d.path])
        : `chown ${shQuote(d.owner)}:"$(id -gn ${shQuote(d.owner)})" ${shQuote(d.path)}`,
      shJoin(["chmod", d.mode, d.path]),
    ]),
    ...(parts.afterFiles.length > 0 ? ["", ...parts.afterFiles] : []),
    "",
    "# Activation",
    ...parts.activate,
    ...parts.services.flatMap((s) => s.enable),
    'if [ "${PSL_NO_START:-0}" != 1 ]; then',
    ...parts.services.flatMap((s) => s.start.map((l) => `  ${l}`)),
    "  :",
    ...(parts.services.some((s) => s.hold.length > 0)
      ? ["else", ...parts.services.flatMap((s) => s.hold.map((l) => `  ${l}`))]
      : []),
    "fi",
    "",
  ];
  return out.join("\n");
}

/** uninstall.sh */
export function renderUninstall(parts: InstallParts): string {
  const reversed = [...parts.services].reverse();
  const dataDirs = parts.directories.filter((d) => d.data);
  const out = [
    ...header(parts.target, "uninstall", []),
    ...ACCOUNT_FUNCTIONS[parts.layout.os].filter((l) => l.startsWith("psl_delete_account")),
    "",
    "# Stop and disable, dependents first",
    ...reversed.flatMap((s) => [...s.stop.map((l) => `${l} || :`), ...s.disable.map((l) => `${l} || :`)]),
    ...parts.removal,
    "",
    "# Files",
    ...parts.files.map((f) => shJoin(["rm", "-f", f.path.slice("rootfs".length)])),
    ...parts.directories.filter((d) => !d.data).map((d) => `${shJoin(["rmdir", d.path])} 2>/dev/null || :`),
    'if [ "${PSL_PURGE:-0}" = 1 ]; then',
    ...dataDirs.map((d) => `  ${shJoin(["rm", "-rf", d.path])}`),
    `  if [ -f ${shQuote(`${stateDir(parts)}/created-accounts`)} ]; then`,
    "    # users before groups",
    `    sort -r ${shQuote(`${stateDir(parts)}/created-accounts`)} | while read -r kind name; do`,
    '      psl_delete_account "$kind" "$name" || :',
    "    done",
    "  fi",
    `  rm -rf ${shQuote(stateDir(parts))}`,
    "fi",
    ...parts.activate.map((l) => `${l} || :`),
    "",
  ];
  return out.join("\n");
}
