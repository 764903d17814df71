/**
 * What a set of services needs from the system, as install.sh steps: groups and users (from NixOS accounts,
 * User=/Group=, SupplementaryGroups= and DynamicUser=), directories with owner and mode, configuration files
 * (written under rootfs/, never world-writable), and tmpfiles rules. Names are checked here, so no unsafe
 * user or group name reaches a script.
 */
import { type Diagnostic, diag } from "../diagnostics/index.js";
import { checkAccountName, isContainedRelativePath } from "../spec/names.js";
import type { ServiceSpec, TmpfilesRuleSpec } from "../spec/schema.js";
import { serviceUser } from "./exec-line.js";
import type { AccountGroup, AccountUser, InstallDirectory, InstallFileOwner } from "./install-script.js";
import type { Layout } from "./layout.js";
import { shJoin } from "./sh-quote.js";
import type { GeneratedFile, TargetName } from "./types.js";

export interface SystemParts {
  readonly groups: AccountGroup[];
  readonly users: AccountUser[];
  readonly directories: InstallDirectory[];
  readonly files: GeneratedFile[];
  readonly owners: InstallFileOwner[];
  readonly afterFiles: string[];
  readonly diagnostics: Diagnostic[];
}

const DIR_KINDS = ["state", "runtime", "cache", "logs", "configuration"] as const;
const DATA_KINDS = new Set(["state", "cache", "logs"]);

/** NixOS writes owners as `+0` for numeric ids. */
const owner = (s: string | undefined) => (s?.startsWith("+") ? s.slice(1) : s);

function isAbsoluteSafe(path: string): boolean {
  return path.startsWith("/") && (path === "/" || isContainedRelativePath(path.slice(1)));
}

/** Collects the system parts of `specs` for `target`. */
export function systemParts(
  specs: readonly ServiceSpec[],
  target: TargetName,
  layout: Layout,
  storeMode: "store" | "host",
): SystemParts {
  const parts: SystemParts = {
    groups: [],
    users: [],
    directories: [],
    files: [],
    owners: [],
    afterFiles: [],
    diagnostics: [],
  };
  const badName = (name: string): boolean => {
    const reason = checkAccountName(name);
    if (reason) parts.diagnostics.push(diag("PSL6003", { name, reason }, { target }));
    return reason !== undefined;
  };
  const addGroup = (g: AccountGroup) => {
    if (badName(g.name) || parts.groups.some((x) => x.name === g.name)) return;
    parts.groups.push(g);
  };
  const addUser = (u: AccountUser) => {
    if (badName(u.name) || badName(u.group) || u.groups.some(badName)) return;
    const prev = parts.users.find((x) => x.name === u.name);
    if (!prev) parts.users.push(u);
    else
      parts.users[parts.users.indexOf(prev)] = {
        ...prev,
        groups: [...new Set([...prev.groups, ...u.groups])],
      };
  };

  for (const spec of specs) {
    for (const g of spec.accounts?.groups ?? []) addGroup(g.gid === undefined ? { name: g.name } : g);
    for (const u of spec.accounts?.users ?? []) {
      addUser({
        name: u.name,
        group: u.group ?? "nogroup",
        home: u.home ?? "/var/empty",
        ...(u.shell && !u.shell.includes("/nix/store/") ? { shell: u.shell } : {}),
        ...(u.uid !== undefined ? { uid: u.uid } : {}),
        groups: u.extraGroups ?? [],
      });
    }
    const user = target === "systemd" ? spec.identity?.user : serviceUser(spec);
    const group = spec.identity?.group;
    if (group) addGroup({ name: group });
    for (const g of spec.identity?.supplementaryGroups ?? []) addGroup({ name: g });
    const viaMembership = target === "launchd" || target === "freebsd-rc";
    if (user && user !== "root") {
      addUser({
        name: user,
        group: group ?? user,
        home: "/nonexistent",
        groups: viaMembership ? (spec.identity?.supplementaryGroups ?? []) : [],
      });
    }
    if (target !== "systemd") {
      for (const kind of DIR_KINDS) {
        const set = spec.directories?.[kind];
        for (const rel of set?.paths ?? []) {
          parts.directories.push({
            path: `${layout.bases[kind]}/${rel}`,
            mode: set?.mode ?? "0755",
            owner: user ?? "root",
            ...(group ? { group } : {}),
            data: DATA_KINDS.has(kind),
          });
        }
      }
    }
    for (const f of spec.configFiles ?? []) {
      if (!isAbsoluteSafe(f.path)) {
        parts.diagnostics.push(diag("PSL6010", { service: spec.name, path: f.path }, { target }));
        continue;
      }
      if (f.text !== undefined) {
        const mode = f.mode && /^[0-7]{3,4}$/.test(f.mode) ? Number.parseInt(f.mode, 8) & ~0o002 : 0o644;
        parts.files.push({ path: `rootfs${f.path}`, content: f.text, mode });
        const u = owner(f.user);
        const g = owner(f.group);
        if ((u && u !== "0" && u !== "root") || (g && g !== "0" && g !== "root")) {
          parts.owners.push({ path: f.path, ...(u ? { owner: u } : {}), ...(g ? { group: g } : {}) });
        }
      } else if (f.source && storeMode === "store") {
        parts.afterFiles.push(shJoin(["mkdir", "-p", f.path.slice(0, f.path.lastIndexOf("/")) || "/"]));
        parts.afterFiles.push(shJoin(["ln", "-sfn", f.source, f.path]));
      } else if (f.source) {
        parts.diagnostics.push(
          diag("PSL6011", { service: spec.name, path: f.path, source: f.source }, { target }),
        );
      }
    }
    for (const rule of spec.tmpfiles ?? []) {
      if (target === "systemd") continue;
      const lines = tmpfilesLines(rule);
      if (lines) parts.afterFiles.push(...lines);
      else
        parts.diagnostics.push(
          diag("PSL6009", { service: spec.name, rule: `${rule.type} ${rule.path}` }, { target }),
        );
    }
  }
  return parts;
}

/** A tmpfiles.d rule as sh, for the types install.sh applies (d, D, f, L, z). */
export function tmpfilesLines(rule: TmpfilesRuleSpec): string[] | undefined {
  const type = rule.type.replace(/[!^-]/g, "");
  const mode = rule.mode && rule.mode !== "-" ? rule.mode.replace(/^[~:]+/, "") : undefined;
  const own =
    (rule.user && rule.user !== "-") || (rule.group && rule.group !== "-")
      ? [
          shJoin([
            "chown",
            `${rule.user && rule.user !== "-" ? rule.user : "0"}:${rule.group && rule.group !== "-" ? rule.group : "0"}`,
            rule.path,
          ]),
        ]
      : [];
  const chmod = mode ? [shJoin(["chmod", mode, rule.path])] : [];
  switch (type) {
    case "d":
    case "D":
      return [shJoin(["mkdir", "-p", rule.path]), ...chmod, ...own];
    case "f":
    case "f+":
      return [
        `[ -e ${shJoin([rule.path])} ] || ${shJoin(["touch", rule.path])}`,
        ...(rule.argument && rule.argument !== "-" && type === "f+"
          ? [`printf '%s' ${shJoin([rule.argument])} >${shJoin([rule.path])}`]
          : []),
        ...chmod,
        ...own,
      ];
    case "L":
    case "L+":
      return rule.argument
        ? [`${shJoin(["ln", type === "L+" ? "-sfn" : "-sn", rule.argument, rule.path])} || :`]
        : undefined;
    case "z":
      return [...chmod, ...own];
    default:
      return undefined;
  }
}
