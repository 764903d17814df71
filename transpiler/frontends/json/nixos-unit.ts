/**
 * NixOS's rendering of a unit, replayed: the evaluated options of one `systemd.services.<name>` (or
 * `.sockets`/`.timers`) entry become the unit text NixOS would write (systemd-lib.nix `serviceToUnit`,
 * `commonUnitText`, `attrsToSection`, `toOption`), as synthetic entries that remember which JSON value they
 * came from. The unit then goes through the same lowering as a unit file.
 *
 * Facts replayed here: dependency lists are mirrored into `unitConfig` as space-joined strings (so both are
 * read and merged, never counted twice); `environment` becomes `Environment="NAME=value"` lines, JSON-quoted,
 * sorted by name, null values left out; `reloadIfChanged`/`restartIfChanged`/`stopIfChanged`/
 * `notSocketActivated` become `X-…` keys; `serviceConfig` keys are sorted and list values repeat the key;
 * `true`/`false` print as words, other values through Nix's `toString`; `wantedBy` becomes `[Install]
 * WantedBy=`; `script`, `preStart`, … become job scripts when `serviceConfig` does not already hold them.
 */
import { type Diagnostic, diag, type Span } from "../../diagnostics/index.js";
import { fakeStorePath, jobScriptName } from "../../nixos/store-paths.js";
import type { UnitEntry, UnitSection, UnitText } from "../unit-file/syntax.js";
import type { JsonEntry, JsonNode } from "./json-tree.js";

export type OptionKind = "bool" | "string" | "int" | "strings" | "object" | "any" | "string-or-strings";

/** `nix eval --json` keys of a `systemd.services.<name>` entry and the JSON kind each must have. */
export const SERVICE_OPTIONS: Record<string, OptionKind> = {
  enable: "bool",
  name: "string",
  overrideStrategy: "string",
  requiredBy: "strings",
  upheldBy: "strings",
  wantedBy: "strings",
  aliases: "strings",
  description: "string",
  documentation: "strings",
  requires: "strings",
  wants: "strings",
  upholds: "strings",
  after: "strings",
  before: "strings",
  bindsTo: "strings",
  partOf: "strings",
  conflicts: "strings",
  requisite: "strings",
  unitConfig: "object",
  onFailure: "strings",
  onSuccess: "strings",
  startLimitBurst: "int",
  startLimitIntervalSec: "int",
  restartTriggers: "any",
  reloadTriggers: "any",
  environment: "object",
  path: "strings",
  enableDefaultPath: "bool",
  serviceConfig: "object",
  enableStrictShellChecks: "bool",
  script: "string",
  scriptArgs: "string",
  preStart: "string",
  postStart: "string",
  reload: "string",
  preStop: "string",
  postStop: "string",
  jobScripts: "any",
  restartIfChanged: "bool",
  reloadIfChanged: "bool",
  stopIfChanged: "bool",
  notSocketActivated: "bool",
  startAt: "string-or-strings",
  confinement: "object",
  unit: "any",
  text: "any",
};

const COMMON_UNIT_OPTIONS = [
  "enable",
  "name",
  "overrideStrategy",
  "requiredBy",
  "upheldBy",
  "wantedBy",
  "aliases",
  "description",
  "documentation",
  "requires",
  "wants",
  "upholds",
  "after",
  "before",
  "bindsTo",
  "partOf",
  "conflicts",
  "requisite",
  "unitConfig",
  "onFailure",
  "onSuccess",
  "startLimitBurst",
  "startLimitIntervalSec",
  "restartTriggers",
  "reloadTriggers",
  "unit",
  "text",
] as const;

export const SOCKET_OPTIONS: Record<string, OptionKind> = {
  ...Object.fromEntries(COMMON_UNIT_OPTIONS.map((k) => [k, SERVICE_OPTIONS[k] as OptionKind])),
  listenStreams: "strings",
  listenDatagrams: "strings",
  socketConfig: "object",
};

export const TIMER_OPTIONS: Record<string, OptionKind> = {
  ...Object.fromEntries(COMMON_UNIT_OPTIONS.map((k) => [k, SERVICE_OPTIONS[k] as OptionKind])),
  timerConfig: "object",
};

/** The unit-level lists NixOS mirrors into `unitConfig` (systemd-lib.nix `unitConfig`). */
const MIRRORED: readonly [option: string, key: string][] = [
  ["requires", "Requires"],
  ["wants", "Wants"],
  ["upholds", "Upholds"],
  ["after", "After"],
  ["before", "Before"],
  ["bindsTo", "BindsTo"],
  ["partOf", "PartOf"],
  ["conflicts", "Conflicts"],
  ["requisite", "Requisite"],
  ["documentation", "Documentation"],
  ["onFailure", "OnFailure"],
  ["onSuccess", "OnSuccess"],
];

/** The hooks NixOS turns into job scripts: option, directive, script suffix, and whether it is a list. */
export const HOOKS: readonly { option: string; key: string; suffix: string; list: boolean }[] = [
  { option: "preStart", key: "ExecStartPre", suffix: "pre-start", list: true },
  { option: "script", key: "ExecStart", suffix: "start", list: false },
  { option: "postStart", key: "ExecStartPost", suffix: "post-start", list: true },
  { option: "reload", key: "ExecReload", suffix: "reload", list: false },
  { option: "preStop", key: "ExecStop", suffix: "pre-stop", list: false },
  { option: "postStop", key: "ExecStopPost", suffix: "post-stop", list: false },
];

export interface HookScript {
  readonly key: string;
  readonly scriptName: string;
  readonly text: string;
  readonly strict: boolean;
  readonly span: Span;
  readonly pointer: string;
}

export interface NixosUnit {
  readonly text: UnitText;
  readonly hooks: HookScript[];
  /** The JSON node of each option that was given, by option name. */
  readonly options: ReadonlyMap<string, JsonEntry>;
}

/** Escapes one JSON-pointer segment. */
export const seg = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/** Nix's `toString` of a JSON-represented value; undefined for attribute sets, which have none. */
export function nixToString(node: JsonNode): string | undefined {
  switch (node.kind) {
    case "null":
      return "";
    case "bool":
      return node.value ? "1" : "";
    case "string":
      return node.value;
    case "number":
      return /[.eE]/.test(node.raw) ? node.value.toFixed(6) : node.raw;
    case "array": {
      const parts: string[] = [];
      for (const item of node.items) {
        const s = nixToString(item);
        if (s === undefined) return undefined;
        parts.push(s);
      }
      return parts.join(" ");
    }
    case "object":
      return undefined;
  }
}

/** NixOS's `toOption`: booleans as words, everything else through `toString`. */
function toOption(node: JsonNode): string | undefined {
  if (node.kind === "bool") return node.value ? "true" : "false";
  return nixToString(node);
}

function kindMatches(node: JsonNode, kind: OptionKind): boolean {
  switch (kind) {
    case "any":
      return true;
    case "bool":
      return node.kind === "bool";
    case "string":
      return node.kind === "string";
    case "int":
      return node.kind === "number" && Number.isInteger(node.value);
    case "object":
      return node.kind === "object";
    case "strings":
      return node.kind === "array" && node.items.every((i) => i.kind === "string");
    case "string-or-strings":
      return (
        node.kind === "string" || (node.kind === "array" && node.items.every((i) => i.kind === "string"))
      );
  }
}

const KIND_NAMES: Record<OptionKind, string> = {
  any: "any value",
  bool: "a boolean",
  string: "a string",
  int: "an integer",
  object: "an attribute set",
  strings: "a list of strings",
  "string-or-strings": "a string or a list of strings",
};

function describe(node: JsonNode): string {
  return node.kind === "object"
    ? "an attribute set"
    : node.kind === "array"
      ? "a list"
      : `${node.kind} \`${JSON.stringify(nixPlain(node))}\``;
}

function nixPlain(node: JsonNode): unknown {
  return node.kind === "null" ? null : node.kind === "array" || node.kind === "object" ? "…" : node.value;
}

/** Checks an option set against its table: unknown keys warn, wrong kinds error; returns the good ones. */
export function checkOptions(
  node: JsonNode,
  table: Record<string, OptionKind>,
  where: string,
  diagnostics: Diagnostic[],
): Map<string, JsonEntry> {
  const good = new Map<string, JsonEntry>();
  if (node.kind !== "object") {
    diagnostics.push(
      diag("PSL4002", { expected: "an attribute set", found: describe(node) }, { span: node.span }),
    );
    return good;
  }
  for (const e of node.entries) {
    const kind = table[e.key];
    if (kind === undefined) {
      diagnostics.push(diag("PSL4003", { key: e.key, where }, { span: e.keySpan }));
      continue;
    }
    if (!kindMatches(e.value, kind)) {
      diagnostics.push(
        diag(
          "PSL4002",
          { expected: `${KIND_NAMES[kind]} for \`${e.key}\``, found: describe(e.value) },
          { span: e.value.span },
        ),
      );
      continue;
    }
    good.set(e.key, e);
  }
  return good;
}

class SectionBuilder {
  readonly entries: UnitEntry[] = [];
  constructor(
    readonly name: string,
    readonly span: Span,
  ) {}

  add(key: string, value: string, span: Span, pointer: string, via?: string): void {
    this.entries.push({ key, value, span, origin: via ? { pointer, via } : { pointer } });
  }
}

/** Adds the lines of an `attrsOf unitOption` set (`unitConfig`, `serviceConfig`, …), sorted like NixOS. */
function addAttrsSection(
  section: SectionBuilder,
  node: JsonNode,
  pointer: string,
  diagnostics: Diagnostic[],
  skip: ReadonlySet<string> = new Set(),
): void {
  if (node.kind !== "object") return;
  const sorted = [...node.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const e of sorted) {
    if (skip.has(e.key)) continue;
    const values = e.value.kind === "array" ? e.value.items : [e.value];
    values.forEach((v, i) => {
      const text = toOption(v);
      const ptr = e.value.kind === "array" ? `${pointer}/${seg(e.key)}/${i}` : `${pointer}/${seg(e.key)}`;
      if (text === undefined) {
        diagnostics.push(
          diag(
            "PSL4002",
            { expected: `a unit option value for \`${e.key}\``, found: describe(v) },
            { span: v.span },
          ),
        );
        return;
      }
      section.add(e.key, text, v.span, ptr);
    });
  }
}

function stringsOf(entry: JsonEntry | undefined): { value: string; span: Span }[] {
  if (!entry) return [];
  const v = entry.value;
  if (v.kind === "string") return [{ value: v.value, span: v.span }];
  if (v.kind !== "array") return [];
  return v.items.flatMap((i) => (i.kind === "string" ? [{ value: i.value, span: i.span }] : []));
}

function stringOf(entry: JsonEntry | undefined): string {
  return entry?.value.kind === "string" ? entry.value.value : "";
}

function boolOf(entry: JsonEntry | undefined): boolean | undefined {
  return entry?.value.kind === "bool" ? entry.value.value : undefined;
}

/** Builds the [Unit] section: `unitConfig` plus the mirrored lists and scalars NixOS adds. */
function buildUnitSection(
  options: Map<string, JsonEntry>,
  node: JsonNode,
  pointer: string,
  diagnostics: Diagnostic[],
): SectionBuilder {
  const section = new SectionBuilder("Unit", node.span);
  const unitConfig = options.get("unitConfig");
  const given = new Map<string, Set<string>>();
  if (unitConfig?.value.kind === "object") {
    for (const e of unitConfig.value.entries) {
      const values = e.value.kind === "array" ? e.value.items : [e.value];
      const words = new Set<string>();
      for (const v of values) for (const w of (toOption(v) ?? "").split(/\s+/)) if (w) words.add(w);
      given.set(e.key, words);
    }
    addAttrsSection(section, unitConfig.value, `${pointer}/unitConfig`, diagnostics);
  }
  for (const [option, key] of MIRRORED) {
    const entry = options.get(option);
    const have = given.get(key);
    const missing = stringsOf(entry).filter((s) => !have?.has(s.value));
    if (missing.length === 0 || !entry) continue;
    section.add(key, missing.map((s) => s.value).join(" "), entry.value.span, `${pointer}/${option}`);
  }
  const description = options.get("description");
  if (!given.has("Description") && description?.value.kind === "string" && description.value.value !== "") {
    section.add("Description", description.value.value, description.value.span, `${pointer}/description`);
  }
  for (const [option, key] of [
    ["startLimitIntervalSec", "StartLimitIntervalSec"],
    ["startLimitBurst", "StartLimitBurst"],
  ] as const) {
    const e = options.get(option);
    if (e && !given.has(key) && e.value.kind === "number") {
      section.add(key, e.value.raw, e.value.span, `${pointer}/${option}`);
    }
  }
  return section;
}

function buildInstallSection(
  options: Map<string, JsonEntry>,
  node: JsonNode,
  pointer: string,
): SectionBuilder {
  const install = new SectionBuilder("Install", node.span);
  const wantedBy = options.get("wantedBy");
  const list = stringsOf(wantedBy);
  if (wantedBy && list.length > 0) {
    install.add("WantedBy", list.map((s) => s.value).join(" "), wantedBy.value.span, `${pointer}/wantedBy`);
  }
  return install;
}

function finish(file: string, sections: SectionBuilder[]): UnitText {
  const out: UnitSection[] = sections
    .filter((s) => s.entries.length > 0)
    .map((s) => ({ name: s.name, span: s.span, entries: s.entries }));
  return { file, sections: out };
}

/**
 * Replays `serviceToUnit` for one service. `name` is the attribute name (`web`, `getty@`), `pointer` the
 * JSON pointer of the service's attribute set.
 */
export function nixosServiceUnit(
  file: string,
  name: string,
  node: JsonNode,
  pointer: string,
  diagnostics: Diagnostic[],
): NixosUnit {
  const options = checkOptions(node, SERVICE_OPTIONS, `systemd.services.${name}`, diagnostics);
  const unit = buildUnitSection(options, node, pointer, diagnostics);
  const service = new SectionBuilder("Service", node.span);

  const envEntry = options.get("environment");
  const env = new Map<string, { value: string; span: Span }>();
  if (envEntry?.value.kind === "object") {
    for (const e of envEntry.value.entries) {
      if (e.value.kind === "null") continue;
      const v = nixToString(e.value);
      if (v === undefined) {
        diagnostics.push(
          diag(
            "PSL4002",
            { expected: `a string for environment variable ${e.key}`, found: describe(e.value) },
            { span: e.value.span },
          ),
        );
        continue;
      }
      env.set(e.key, { value: v, span: e.value.span });
    }
  }
  const pathEntry = options.get("path");
  if (!env.has("PATH") && pathEntry && stringsOf(pathEntry).length > 0) {
    const pkgs = stringsOf(pathEntry).map((s) => s.value);
    env.set("PATH", {
      value: `${pkgs.map((p) => `${p}/bin`).join(":")}:${pkgs.map((p) => `${p}/sbin`).join(":")}`,
      span: pathEntry.value.span,
    });
  }
  for (const key of [...env.keys()].sort()) {
    const { value, span } = env.get(key) as { value: string; span: Span };
    const ptr =
      key === "PATH" && !hasEnvKey(envEntry, "PATH")
        ? `${pointer}/path`
        : `${pointer}/environment/${seg(key)}`;
    service.add("Environment", JSON.stringify(`${key}=${value}`), span, ptr);
  }

  const flag = (option: string) => options.get(option);
  const reloadIfChanged = flag("reloadIfChanged");
  const restartIfChanged = flag("restartIfChanged");
  if (boolOf(reloadIfChanged) === true && reloadIfChanged) {
    service.add("X-ReloadIfChanged", "true", reloadIfChanged.value.span, `${pointer}/reloadIfChanged`);
  } else if (boolOf(restartIfChanged) === false && restartIfChanged) {
    service.add("X-RestartIfChanged", "false", restartIfChanged.value.span, `${pointer}/restartIfChanged`);
  }
  const stopIfChanged = flag("stopIfChanged");
  if (boolOf(stopIfChanged) === false && stopIfChanged) {
    service.add("X-StopIfChanged", "false", stopIfChanged.value.span, `${pointer}/stopIfChanged`);
  }
  const notSocketActivated = flag("notSocketActivated");
  if (boolOf(notSocketActivated) === true && notSocketActivated) {
    service.add(
      "X-NotSocketActivated",
      "true",
      notSocketActivated.value.span,
      `${pointer}/notSocketActivated`,
    );
  }

  const serviceConfig = options.get("serviceConfig");
  const stem = name;
  const strict = boolOf(options.get("enableStrictShellChecks")) === true;
  const hooks: HookScript[] = [];
  const configKeys = new Set(
    serviceConfig?.value.kind === "object" ? serviceConfig.value.entries.map((e) => e.key) : [],
  );
  const synthesized: { key: string; value: string; span: Span; pointer: string }[] = [];
  for (const hook of HOOKS) {
    const entry = options.get(hook.option);
    const text = stringOf(entry);
    if (!entry || text === "") continue;
    const scriptName = jobScriptName(stem, hook.suffix);
    hooks.push({
      key: hook.key,
      scriptName,
      text,
      strict,
      span: entry.value.span,
      pointer: `${pointer}/${hook.option}`,
    });
    const present =
      serviceConfig?.value.kind === "object" && mentionsScript(serviceConfig.value, hook.key, scriptName);
    if (present) continue;
    const body = `${strict ? "" : "set -e\n\n"}${text}`;
    const storePath = `${fakeStorePath(`unit-script-${scriptName}`, body)}/bin/${scriptName}`;
    const args = hook.option === "script" ? stringOf(options.get("scriptArgs")) : undefined;
    const value = args === undefined ? storePath : `${storePath} ${args}`;
    synthesized.push({ key: hook.key, value, span: entry.value.span, pointer: `${pointer}/${hook.option}` });
  }
  if (serviceConfig) addAttrsSection(service, serviceConfig.value, `${pointer}/serviceConfig`, diagnostics);
  for (const s of synthesized) {
    if (configKeys.has(s.key) && !HOOKS.find((h) => h.key === s.key)?.list) continue;
    service.add(s.key, s.value, s.span, s.pointer, `${s.pointer.split("/").pop()} → ${s.key}`);
  }
  const install = buildInstallSection(options, node, pointer);
  return { text: finish(file, [unit, service, install]), hooks, options };
}

function hasEnvKey(entry: JsonEntry | undefined, key: string): boolean {
  return (
    entry?.value.kind === "object" &&
    entry.value.entries.some((e) => e.key === key && e.value.kind !== "null")
  );
}

/** Whether `serviceConfig.<key>` already runs the job script named `scriptName`. */
function mentionsScript(
  serviceConfig: JsonNode & { kind: "object" },
  key: string,
  scriptName: string,
): boolean {
  const e = serviceConfig.entries.find((x) => x.key === key);
  if (!e) return false;
  const values = e.value.kind === "array" ? e.value.items : [e.value];
  return values.some((v) => v.kind === "string" && v.value.split(/\s+/)[0]?.endsWith(`/bin/${scriptName}`));
}

/** Replays `socketToUnit`: `socketConfig`, then `ListenStream=`/`ListenDatagram=` lines. */
export function nixosSocketUnit(
  file: string,
  name: string,
  node: JsonNode,
  pointer: string,
  diagnostics: Diagnostic[],
): NixosUnit {
  const options = checkOptions(node, SOCKET_OPTIONS, `systemd.sockets.${name}`, diagnostics);
  const unit = buildUnitSection(options, node, pointer, diagnostics);
  const socket = new SectionBuilder("Socket", node.span);
  const cfg = options.get("socketConfig");
  if (cfg) addAttrsSection(socket, cfg.value, `${pointer}/socketConfig`, diagnostics);
  for (const [option, key] of [
    ["listenStreams", "ListenStream"],
    ["listenDatagrams", "ListenDatagram"],
  ] as const) {
    const e = options.get(option);
    if (e?.value.kind !== "array") continue;
    e.value.items.forEach((item, i) => {
      const text = nixToString(item);
      if (text !== undefined) socket.add(key, text, item.span, `${pointer}/${option}/${i}`);
    });
  }
  return {
    text: finish(file, [unit, socket, buildInstallSection(options, node, pointer)]),
    hooks: [],
    options,
  };
}

/** Replays `timerToUnit`. */
export function nixosTimerUnit(
  file: string,
  name: string,
  node: JsonNode,
  pointer: string,
  diagnostics: Diagnostic[],
): NixosUnit {
  const options = checkOptions(node, TIMER_OPTIONS, `systemd.timers.${name}`, diagnostics);
  const unit = buildUnitSection(options, node, pointer, diagnostics);
  const timer = new SectionBuilder("Timer", node.span);
  const cfg = options.get("timerConfig");
  if (cfg) addAttrsSection(timer, cfg.value, `${pointer}/timerConfig`, diagnostics);
  return {
    text: finish(file, [unit, timer, buildInstallSection(options, node, pointer)]),
    hooks: [],
    options,
  };
}
