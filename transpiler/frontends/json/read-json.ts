/**
 * The evaluated-JSON frontend. Reads what `nix eval --json` prints for `config.systemd.services` — or the
 * bundle psl's export expression prints, which adds sockets, timers, tmpfiles, users, groups and
 * `environment.etc` — and turns each service into a ServiceSpec by replaying NixOS's unit rendering
 * (`nixos-unit.ts`) and then the shared lowering. Script options keep their text; users, files and
 * tmpfiles rules are attached to the services that refer to them, and the rest is reported.
 */
import { type Diagnostic, diag, LineMap, type SourceRegistry, type Span } from "../../diagnostics/index.js";
import type { Command, Provenance, ServiceSpec } from "../../spec/schema.js";
import { type Lowered, lowerUnit } from "../systemd/lower-unit.js";
import { assembleServiceSpec } from "../unit-file/read-units.js";
import type { UnitEntry, UnitText } from "../unit-file/syntax.js";
import { attachBundleExtras, type BundleExtras, readBundleExtras } from "./bundle.js";
import { type JsonEntry, type JsonNode, member, parseJsonTree } from "./json-tree.js";
import { type HookScript, nixosServiceUnit, nixosSocketUnit, nixosTimerUnit, seg } from "./nixos-unit.js";

export interface JsonInput {
  readonly path: string;
  readonly text: string;
}

export interface JsonResult {
  readonly specs: ServiceSpec[];
  readonly diagnostics: Diagnostic[];
}

interface PendingService {
  readonly name: string;
  readonly unitName: string;
  readonly lowered: Lowered;
  readonly extra: Record<string, unknown>;
  readonly extraProvenance: Record<string, Provenance>;
  readonly sockets: { unitName: string; lowered: Lowered }[];
  readonly timers: { unitName: string; lowered: Lowered }[];
}

/** Reads one JSON file of evaluated NixOS configuration. */
export function readEvaluatedJson(input: JsonInput, sources: SourceRegistry): JsonResult {
  const diagnostics: Diagnostic[] = [];
  sources.add(input.path, input.text);
  const parsed = parseJsonTree(input.path, input.text);
  if (!parsed.ok) {
    const span: Span = { file: input.path, start: parsed.offset, end: parsed.offset + 1 };
    return { specs: [], diagnostics: [diag("PSL4001", { detail: parsed.error }, { span })] };
  }
  const root = parsed.node;
  if (root.kind !== "object") {
    return {
      specs: [],
      diagnostics: [
        diag(
          "PSL4002",
          { expected: "an attribute set of services or a psl export bundle", found: `a ${root.kind}` },
          { span: root.span },
        ),
      ],
    };
  }
  const lines = new LineMap(input.text);
  const locate = (entry: UnitEntry): Provenance => {
    const pos = lines.position(entry.span.start);
    const p: { file: string; line: number; column: number; pointer?: string; via?: string } = {
      file: input.path,
      line: pos.line,
      column: pos.column,
    };
    if (entry.origin?.pointer !== undefined) p.pointer = entry.origin.pointer;
    if (entry.origin?.via !== undefined) p.via = entry.origin.via;
    return p;
  };
  const provAt = (node: JsonNode, pointer: string): Provenance => {
    const pos = lines.position(node.span.start);
    return { file: input.path, line: pos.line, column: pos.column, pointer };
  };

  const systemd = member(root, "systemd");
  const isBundle =
    systemd !== undefined || member(root, "users") !== undefined || member(root, "environment") !== undefined;
  const servicesNode = isBundle ? member(systemd, "services") : root;
  const servicesPointer = isBundle ? "/systemd/services" : "";
  if (isBundle) checkBundleKeys(root, diagnostics);

  const lower = (unitName: string, kind: "service" | "socket" | "timer", text: UnitText) => {
    const l = lowerUnit({ unitName, kind, texts: [text] }, { locate });
    diagnostics.push(...l.diagnostics);
    return l;
  };

  const pending: PendingService[] = [];
  for (const e of entriesOf(servicesNode)) {
    const pointer = `${servicesPointer}/${seg(e.key)}`;
    const unitName = `${e.key}.service`;
    const nu = nixosServiceUnit(input.path, e.key, e.value, pointer, diagnostics);
    const lowered = lower(unitName, "service", nu.text);
    const extraProvenance: Record<string, Provenance> = {};
    attachScripts(lowered, nu.hooks, (ptr, h) => {
      extraProvenance[ptr] = {
        ...provAt(spanNode(h.span), h.pointer),
        via: `${h.pointer.split("/").pop()} → ${h.key}`,
      };
    });
    const extra: Record<string, unknown> = {};
    const opt = (k: string) => nu.options.get(k);
    const enable = opt("enable");
    if (enable?.value.kind === "bool" && !enable.value.value) {
      extra.enable = false;
      extraProvenance["/enable"] = provAt(enable.value, `${pointer}/enable`);
    }
    for (const [option, field] of [
      ["requiredBy", "requiredBy"],
      ["upheldBy", "upheldBy"],
      ["aliases", "aliases"],
    ] as const) {
      const o = opt(option);
      if (o?.value.kind === "array" && o.value.items.length > 0) {
        if (extra.dependencies === undefined) extra.dependencies = {};
        const deps = extra.dependencies as Record<string, unknown>;
        const items = o.value.items.flatMap((i) => (i.kind === "string" ? [i] : []));
        deps[field] = items.map((i) => i.value);
        items.forEach((i, n) => {
          extraProvenance[`/dependencies/${field}/${n}`] = provAt(i, `${pointer}/${option}/${n}`);
        });
      }
    }
    const strategy = opt("overrideStrategy");
    if (strategy?.value.kind === "string" && strategy.value.value !== "asDropinIfExists") {
      extra.nixos = { overrideStrategy: strategy.value.value };
      extraProvenance["/nixos/overrideStrategy"] = provAt(strategy.value, `${pointer}/overrideStrategy`);
    }
    const confinement = member(opt("confinement")?.value, "enable");
    if (confinement?.kind === "bool" && confinement.value) {
      diagnostics.push(
        diag("PSL4021", { option: `systemd.services.${e.key}.confinement` }, { span: confinement.span }),
      );
    }
    const timers: { unitName: string; lowered: Lowered }[] = [];
    const startAt = opt("startAt");
    const calendars =
      startAt?.value.kind === "string"
        ? [startAt.value]
        : startAt?.value.kind === "array"
          ? startAt.value.items
          : [];
    const timersGiven = member(member(systemd, "timers"), e.key) !== undefined;
    if (calendars.length > 0 && !timersGiven && extra.enable !== false) {
      timers.push({
        unitName: `${e.key}.timer`,
        lowered: lower(
          `${e.key}.timer`,
          "timer",
          startAtTimer(input.path, calendars, `${pointer}/startAt`, startAt as JsonEntry),
        ),
      });
    }
    pending.push({ name: e.key, unitName, lowered, extra, extraProvenance, sockets: [], timers });
  }

  for (const [kind, node] of [
    ["socket", member(systemd, "sockets")],
    ["timer", member(systemd, "timers")],
  ] as const) {
    for (const e of entriesOf(node)) {
      const pointer = `/systemd/${kind}s/${seg(e.key)}`;
      const unitName = `${e.key}.${kind}`;
      const nu = (kind === "socket" ? nixosSocketUnit : nixosTimerUnit)(
        input.path,
        e.key,
        e.value,
        pointer,
        diagnostics,
      );
      const lowered = lower(unitName, kind, nu.text);
      const enable = nu.options.get("enable");
      if (enable?.value.kind === "bool" && !enable.value.value) lowered.value.enable = false;
      const target = activatedBy(kind, e.key, lowered);
      const svc = pending.find((p) => p.unitName === target);
      if (!svc) {
        diagnostics.push(diag("PSL4019", { name: unitName, kind }, { span: e.keySpan }));
        continue;
      }
      (kind === "socket" ? svc.sockets : svc.timers).push({ unitName, lowered });
    }
  }

  const extras: BundleExtras | undefined = isBundle
    ? readBundleExtras(root, input.path, lines, diagnostics)
    : undefined;
  if (extras) attachBundleExtras(extras, pending, diagnostics);

  const specs: ServiceSpec[] = [];
  const seen = new Map<string, string>();
  for (const p of pending) {
    if (seen.has(p.name)) {
      diagnostics.push(diag("PSL4009", { name: p.name, first: input.path, second: input.path }));
      continue;
    }
    seen.set(p.name, input.path);
    const r = assembleServiceSpec(p.unitName, input.path, p.lowered, p.sockets, p.timers, {
      value: p.extra,
      provenance: p.extraProvenance,
    });
    diagnostics.push(...r.diagnostics);
    if (r.spec) specs.push(r.spec);
  }
  return { specs, diagnostics };
}

export type { PendingService };

function entriesOf(node: JsonNode | undefined): JsonEntry[] {
  return node?.kind === "object" ? node.entries : [];
}

function spanNode(span: Span): JsonNode {
  return { kind: "null", span };
}

const BUNDLE_KEYS: Record<string, readonly string[]> = {
  "": ["systemd", "users", "environment"],
  systemd: ["services", "sockets", "timers", "tmpfiles"],
  users: ["users", "groups"],
  environment: ["etc"],
};

function checkBundleKeys(root: JsonNode, diagnostics: Diagnostic[]): void {
  for (const [path, keys] of Object.entries(BUNDLE_KEYS)) {
    const node = path === "" ? root : member(root, path);
    for (const e of entriesOf(node)) {
      if (!keys.includes(e.key)) {
        diagnostics.push(
          diag(
            "PSL4003",
            { key: e.key, where: path === "" ? "the export bundle" : `the bundle's \`${path}\`` },
            { span: e.keySpan },
          ),
        );
      }
    }
  }
}

/** Which service a socket or timer activates: `Service=`/`Unit=`, else the same name (template for Accept=yes). */
function activatedBy(kind: "socket" | "timer", name: string, lowered: Lowered): string {
  const raw = lowered.value.systemd as Record<string, Record<string, string[]>> | undefined;
  const explicit = kind === "socket" ? raw?.Socket?.Service : raw?.Timer?.Unit;
  const last = explicit?.[explicit.length - 1];
  if (last) return last;
  if (kind === "socket" && lowered.value.accept === true) return `${name}@.service`;
  return `${name}.service`;
}

/** The timer NixOS's systemd.nix makes from `startAt`: OnCalendar per value, wanted by timers.target. */
function startAtTimer(file: string, calendars: JsonNode[], pointer: string, entry: JsonEntry): UnitText {
  const entries: UnitEntry[] = calendars.flatMap((c, i) =>
    c.kind === "string"
      ? [
          {
            key: "OnCalendar",
            value: c.value,
            span: c.span,
            origin: {
              pointer: calendars.length > 1 || entry.value.kind === "array" ? `${pointer}/${i}` : pointer,
              via: "startAt → timer",
            },
          },
        ]
      : [],
  );
  return {
    file,
    sections: [
      { name: "Timer", span: entry.value.span, entries },
      {
        name: "Install",
        span: entry.value.span,
        entries: [
          {
            key: "WantedBy",
            value: "timers.target",
            span: entry.value.span,
            origin: { pointer, via: "startAt → timer" },
          },
        ],
      },
    ],
  };
}

/** Attaches each hook's script text to the command that runs its job script. */
function attachScripts(
  lowered: Lowered,
  hooks: readonly HookScript[],
  record: (pointer: string, h: HookScript) => void,
): void {
  const fields: Record<string, [string, string]> = {
    ExecStart: ["process", "start"],
    ExecStartPre: ["lifecycle", "startPre"],
    ExecStartPost: ["lifecycle", "startPost"],
    ExecReload: ["lifecycle", "reload"],
    ExecStop: ["lifecycle", "stop"],
    ExecStopPost: ["lifecycle", "stopPost"],
  };
  for (const h of hooks) {
    const [group, field] = fields[h.key] as [string, string];
    const list = (lowered.value[group] as Record<string, Command[]> | undefined)?.[field];
    list?.forEach((cmd, i) => {
      if (!cmd.argv[0]?.endsWith(`/bin/${h.scriptName}`)) return;
      const script: { name: string; text: string; strict?: boolean } = { name: h.scriptName, text: h.text };
      if (h.strict) script.strict = true;
      (cmd as { script?: unknown }).script = script;
      record(`/${group}/${field}/${i}/script`, h);
    });
  }
}
