/**
 * The parts of an export bundle that are not units: `users.users`, `users.groups`, `environment.etc` and
 * `systemd.tmpfiles`. Each is attached to the services that refer to it — a user by `User=`, a file or a
 * tmpfiles rule by a path the service mentions — or, when the bundle holds a single service, to that one.
 * Whatever no service claims is reported, never silently dropped. Password fields are never carried.
 */
import { type Diagnostic, diag, type LineMap } from "../../diagnostics/index.js";
import type { Provenance } from "../../spec/schema.js";
import { type JsonEntry, type JsonNode, member } from "./json-tree.js";
import { seg } from "./nixos-unit.js";
import type { PendingService } from "./read-json.js";
import { parseTmpfilesLine } from "./tmpfiles.js";

interface Item<T> {
  readonly value: T;
  readonly provenance: Provenance;
  readonly name: string;
}

export interface BundleExtras {
  readonly users: Item<Record<string, unknown>>[];
  readonly groups: Item<Record<string, unknown>>[];
  readonly files: Item<Record<string, unknown>>[];
  readonly tmpfiles: Item<Record<string, unknown>>[];
}

const SECRET_USER_FIELDS = new Set([
  "hashedPassword",
  "password",
  "initialPassword",
  "initialHashedPassword",
  "hashedPasswordFile",
  "passwordFile",
]);

const USER_FIELDS: Record<string, "string" | "int" | "bool" | "strings"> = {
  name: "string",
  uid: "int",
  group: "string",
  extraGroups: "strings",
  home: "string",
  createHome: "bool",
  isSystemUser: "bool",
  isNormalUser: "bool",
  shell: "string",
  description: "string",
};

function pick(
  node: JsonNode,
  fields: Record<string, "string" | "int" | "bool" | "strings">,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (node.kind !== "object") return out;
  for (const e of node.entries) {
    const kind = fields[e.key];
    const v = e.value;
    if (kind === "string" && v.kind === "string" && v.value !== "") out[e.key] = v.value;
    else if (kind === "int" && v.kind === "number" && Number.isInteger(v.value)) out[e.key] = v.value;
    else if (kind === "bool" && v.kind === "bool") out[e.key] = v.value;
    else if (kind === "strings" && v.kind === "array" && v.items.length > 0)
      out[e.key] = v.items.flatMap((i) => (i.kind === "string" ? [i.value] : []));
  }
  return out;
}

function entries(node: JsonNode | undefined): JsonEntry[] {
  return node?.kind === "object" ? node.entries : [];
}

/** Reads the non-unit parts of a bundle. */
export function readBundleExtras(
  root: JsonNode,
  file: string,
  lines: LineMap,
  diagnostics: Diagnostic[],
): BundleExtras {
  const prov = (node: JsonNode, pointer: string): Provenance => {
    const pos = lines.position(node.span.start);
    return { file, line: pos.line, column: pos.column, pointer };
  };
  const users: Item<Record<string, unknown>>[] = [];
  for (const e of entries(member(member(root, "users"), "users"))) {
    const pointer = `/users/users/${seg(e.key)}`;
    for (const f of entries(e.value)) {
      if (SECRET_USER_FIELDS.has(f.key) && f.value.kind !== "null") {
        diagnostics.push(diag("PSL4022", { field: f.key, user: e.key }, { span: f.keySpan }));
      }
    }
    const value = { name: e.key, ...pick(e.value, USER_FIELDS) };
    users.push({ value, provenance: prov(e.value, pointer), name: String(value.name) });
  }
  const groups: Item<Record<string, unknown>>[] = [];
  for (const e of entries(member(member(root, "users"), "groups"))) {
    const value = { name: e.key, ...pick(e.value, { name: "string", gid: "int", members: "strings" }) };
    groups.push({
      value,
      provenance: prov(e.value, `/users/groups/${seg(e.key)}`),
      name: String(value.name),
    });
  }
  const files: Item<Record<string, unknown>>[] = [];
  for (const e of entries(member(member(root, "environment"), "etc"))) {
    const enable = member(e.value, "enable");
    if (enable?.kind === "bool" && !enable.value) continue;
    const fields = pick(e.value, {
      target: "string",
      text: "string",
      source: "string",
      mode: "string",
      user: "string",
      group: "string",
    });
    const target = typeof fields.target === "string" ? fields.target : e.key;
    const value: Record<string, unknown> = { path: `/etc/${target.replace(/^\/+/, "")}` };
    for (const k of ["text", "source", "mode", "user", "group"] as const)
      if (fields[k] !== undefined) value[k] = fields[k];
    if (value.mode === "symlink") delete value.mode;
    files.push({
      value,
      provenance: prov(e.value, `/environment/etc/${seg(e.key)}`),
      name: String(value.path),
    });
  }
  const tmpfiles: Item<Record<string, unknown>>[] = [];
  const tmp = member(member(root, "systemd"), "tmpfiles");
  const rules = member(tmp, "rules");
  if (rules?.kind === "array") {
    rules.items.forEach((r, i) => {
      if (r.kind !== "string") return;
      const parsed = parseTmpfilesLine(r.value);
      if (!parsed.ok) {
        if (parsed.error)
          diagnostics.push(
            diag("PSL4008", { key: "systemd.tmpfiles.rules", detail: parsed.error }, { span: r.span }),
          );
        return;
      }
      tmpfiles.push({
        value: parsed.rule,
        provenance: prov(r, `/systemd/tmpfiles/rules/${i}`),
        name: parsed.rule.path,
      });
    });
  }
  for (const set of entries(member(tmp, "settings"))) {
    for (const pathEntry of entries(set.value)) {
      for (const typeEntry of entries(pathEntry.value)) {
        const fields = pick(typeEntry.value, {
          mode: "string",
          user: "string",
          group: "string",
          age: "string",
          argument: "string",
        });
        const rule: Record<string, unknown> = { type: typeEntry.key, path: pathEntry.key };
        for (const k of ["mode", "user", "group", "age", "argument"] as const) {
          if (fields[k] !== undefined && fields[k] !== "-") rule[k] = fields[k];
        }
        const pointer = `/systemd/tmpfiles/settings/${seg(set.key)}/${seg(pathEntry.key)}/${seg(typeEntry.key)}`;
        tmpfiles.push({ value: rule, provenance: prov(typeEntry.value, pointer), name: pathEntry.key });
      }
    }
  }
  return { users, groups, files, tmpfiles };
}

/** Every string a service's lowered value holds (argv, environment, paths, …), for reference matching. */
function mentionedStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) mentionedStrings(v, out);
  else if (typeof value === "object" && value !== null)
    for (const v of Object.values(value)) mentionedStrings(v, out);
  return out;
}

const DIR_BASES: Record<string, string> = {
  state: "/var/lib",
  runtime: "/run",
  cache: "/var/cache",
  logs: "/var/log",
  configuration: "/etc",
};

function servicePaths(p: PendingService): string[] {
  const out = mentionedStrings(p.lowered.value);
  const dirs = p.lowered.value.directories as Record<string, { paths?: string[] }> | undefined;
  for (const [kind, set] of Object.entries(dirs ?? {})) {
    for (const d of set.paths ?? []) out.push(`${DIR_BASES[kind]}/${d.split(":")[0]}`);
  }
  return out;
}

function identityNames(p: PendingService): { users: Set<string>; groups: Set<string> } {
  const id = p.lowered.value.identity as
    | { user?: string; group?: string; supplementaryGroups?: string[] }
    | undefined;
  const users = new Set(id?.user ? [id.user] : []);
  const groups = new Set([...(id?.group ? [id.group] : []), ...(id?.supplementaryGroups ?? [])]);
  for (const s of p.sockets) {
    const v = s.lowered.value as { socketUser?: string; socketGroup?: string };
    if (v.socketUser) users.add(v.socketUser);
    if (v.socketGroup) groups.add(v.socketGroup);
  }
  return { users, groups };
}

function pushExtra(p: PendingService, path: string[], item: Item<Record<string, unknown>>): void {
  let obj = p.extra;
  for (const k of path.slice(0, -1)) {
    if (obj[k] === undefined) obj[k] = {};
    obj = obj[k] as Record<string, unknown>;
  }
  const key = path[path.length - 1] as string;
  if (obj[key] === undefined) obj[key] = [];
  const list = obj[key] as unknown[];
  list.push(item.value);
  p.extraProvenance[`/${path.join("/")}/${list.length - 1}`] = item.provenance;
}

/** Attaches bundle items to the pending services; reports what nothing refers to. */
export function attachBundleExtras(
  extras: BundleExtras,
  pending: PendingService[],
  diagnostics: Diagnostic[],
): void {
  const single = pending.length === 1 ? pending[0] : undefined;
  const ids = new Map(pending.map((p) => [p, identityNames(p)]));
  const paths = new Map(pending.map((p) => [p, servicePaths(p)]));
  const report = (what: string, item: Item<unknown>) =>
    diagnostics.push(
      diag(
        "PSL4017",
        { what, name: item.name },
        {
          position: {
            file: item.provenance.file,
            ...(item.provenance.line ? { line: item.provenance.line } : {}),
          },
        },
      ),
    );

  for (const u of extras.users) {
    const owners = pending.filter((p) => ids.get(p)?.users.has(u.name));
    if (owners.length === 0) report("user", u);
    for (const p of owners) {
      pushExtra(p, ["accounts", "users"], u);
      const g = u.value.group;
      if (typeof g === "string") ids.get(p)?.groups.add(g);
    }
  }
  for (const g of extras.groups) {
    const owners = pending.filter((p) => ids.get(p)?.groups.has(g.name));
    if (owners.length === 0) report("group", g);
    for (const p of owners) pushExtra(p, ["accounts", "groups"], g);
  }
  for (const f of extras.files) {
    const path = String(f.value.path);
    const owners = single ? [single] : pending.filter((p) => paths.get(p)?.some((s) => s.includes(path)));
    if (owners.length === 0) report("file", f);
    for (const p of owners) pushExtra(p, ["configFiles"], f);
  }
  for (const t of extras.tmpfiles) {
    const path = String(t.value.path);
    const byPath = pending.filter((p) =>
      paths
        .get(p)
        ?.some((s) => s.includes(path) || (s.length > 1 && s.startsWith("/") && path.startsWith(`${s}/`))),
    );
    const byOwner = pending.filter(
      (p) => typeof t.value.user === "string" && ids.get(p)?.users.has(t.value.user),
    );
    const owners = single ? [single] : byPath.length > 0 ? byPath : byOwner;
    if (owners.length === 0) report("tmpfiles rule for", t);
    for (const p of owners) pushExtra(p, ["tmpfiles"], t);
  }
}
