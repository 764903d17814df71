/**
 * Validation of a value that claims to be a ServiceSpec: the schema first (types, closed objects), then the
 * rules a schema cannot say (safe names, absolute paths, one start command unless oneshot). Returns
 * diagnostics located by JSON pointer; never throws on bad input.
 */
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { ValueErrorType } from "@sinclair/typebox/errors";
import { Value, ValuePointer } from "@sinclair/typebox/value";
import { type Diagnostic, diag } from "../diagnostics/index.js";
import { canonicalizeLoose } from "./canonical.js";
import { checkAccountName, checkServiceName, isContainedRelativePath, isEnvName } from "./names.js";
import { type Command, ServiceSpec } from "./schema.js";

export interface ValidateOptions {
  /** The file the spec came from, used to locate diagnostics. */
  readonly file: string;
}

export interface Validated {
  readonly spec: ServiceSpec | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Checks `value` against the ServiceSpec schema and psl's rules; returns the canonical spec when valid. */
export function validateSpec(value: unknown, options: ValidateOptions): Validated {
  const loose = canonicalizeLoose(value);
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string) => ({ pointer: { file: options.file, pointer } });
  const errors = compiled().Check(loose) ? [] : [...Value.Errors(ServiceSpec, loose)];
  for (const e of errors) {
    const pointer = e.path || "/";
    if (e.type === ValueErrorType.ObjectAdditionalProperties) {
      const parent = e.path.slice(0, e.path.lastIndexOf("/"));
      const key = e.path.slice(e.path.lastIndexOf("/") + 1);
      const keys: [string, string][] = knownKeysAt(parent).has(key)
        ? extraKeys(loose, e.path).map((k): [string, string] => [e.path, k])
        : [[parent, key]];
      for (const [base, k] of keys)
        diagnostics.push(diag("PSL5002", { path: base || "/", field: k }, at(`${base}/${k}`)));
      continue;
    }
    diagnostics.push(diag("PSL5001", { path: pointer, detail: e.message.toLowerCase() }, at(pointer)));
  }
  if (diagnostics.length > 0) return { spec: undefined, diagnostics: dedupe(diagnostics) };
  const spec = loose as ServiceSpec;
  diagnostics.push(...checkRules(spec, options.file));
  const located = diagnostics.map((d) => locateByProvenance(d, spec.provenance));
  const ok = !located.some((d) => d.severity === "error");
  return { spec: ok ? spec : undefined, diagnostics: located };
}

/** Points a diagnostic about a field at the input line that set the field, when the spec knows it. */
function locateByProvenance(d: Diagnostic, provenance: ServiceSpec["provenance"]): Diagnostic {
  const ptr = d.pointer?.pointer;
  if (!ptr || !provenance) return d;
  const p = provenance[ptr] ?? provenance[ptr.replace(/\/\d+$/, "")];
  if (!p) return d;
  const { pointer: _dropped, ...rest } = d;
  const position: { file: string; line?: number; column?: number } = { file: p.file };
  if (p.line !== undefined) position.line = p.line;
  if (p.column !== undefined) position.column = p.column;
  return { ...rest, position };
}

let checker: ReturnType<typeof TypeCompiler.Compile<typeof ServiceSpec>> | undefined;

/** The schema compiled to a checking function once; the slow error walk runs only on invalid specs. */
function compiled(): ReturnType<typeof TypeCompiler.Compile<typeof ServiceSpec>> {
  checker ??= TypeCompiler.Compile(ServiceSpec);
  return checker;
}

function extraKeys(root: unknown, path: string): string[] {
  const node = ValuePointer.Get(root as Record<string, unknown>, path);
  if (typeof node !== "object" || node === null) return [];
  const schemaKeys = knownKeysAt(path);
  return Object.keys(node).filter((k) => !schemaKeys.has(k));
}

function knownKeysAt(path: string): Set<string> {
  let schema: unknown = ServiceSpec;
  for (const seg of path.split("/").slice(1)) {
    schema = stepSchema(schema, seg);
  }
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return new Set(props ? Object.keys(props) : []);
}

function stepSchema(schema: unknown, seg: string): unknown {
  const s = schema as {
    properties?: Record<string, unknown>;
    items?: unknown;
    patternProperties?: Record<string, unknown>;
  };
  if (s?.properties && seg in s.properties) return s.properties[seg];
  if (s?.items && /^\d+$/.test(seg)) return s.items;
  if (s?.patternProperties) return Object.values(s.patternProperties)[0];
  return undefined;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.message}|${d.pointer?.pointer ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function checkRules(spec: ServiceSpec, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (pointer: string) => ({ pointer: { file, pointer } });
  const nameProblem = checkServiceName(spec.name);
  if (nameProblem) out.push(diag("PSL4010", { name: spec.name, reason: nameProblem }, at("/name")));

  const p = spec.process;
  const type = p?.type ?? (p?.start ? "simple" : "oneshot");
  if (!p?.start && type !== "oneshot" && spec.enable !== false) {
    out.push(diag("PSL5003", {}, at("/process")));
  }
  if (p?.start && p.start.length > 1 && type !== "oneshot") {
    out.push(diag("PSL5008", { path: "/process/start" }, at("/process/start")));
  }
  for (const name of Object.keys(p?.environment ?? {})) {
    if (!isEnvName(name)) {
      out.push(diag("PSL5007", { path: "/process/environment", name }, at(`/process/environment/${name}`)));
    }
  }
  const commandLists: [string, readonly Command[] | undefined][] = [
    ["/process/start", p?.start],
    ...Object.entries(spec.lifecycle ?? {}).map(([k, v]): [string, readonly Command[] | undefined] => [
      `/lifecycle/${k}`,
      v,
    ]),
  ];
  for (const [base, cmds] of commandLists) {
    cmds?.forEach((c, i) => {
      const program = c.argv[0] ?? "";
      if (!program.startsWith("/") && !program.startsWith("$")) {
        out.push(
          diag(
            "PSL5004",
            { path: `${base}/${i}/argv/0`, value: program },
            { ...at(`${base}/${i}/argv/0`), severity: "warning" },
          ),
        );
      }
    });
  }
  for (const [kind, set] of Object.entries(spec.directories ?? {})) {
    set?.paths.forEach((path: string, i: number) => {
      const target = path.split(":")[0] ?? path;
      if (!isContainedRelativePath(target)) {
        out.push(
          diag(
            "PSL5009",
            { path: `/directories/${kind}/paths/${i}`, value: path },
            at(`/directories/${kind}/paths/${i}`),
          ),
        );
      }
    });
  }
  spec.configFiles?.forEach((f, i) => {
    if (!f.path.startsWith("/") || f.path.split("/").includes("..")) {
      out.push(
        diag("PSL5009", { path: `/configFiles/${i}/path`, value: f.path }, at(`/configFiles/${i}/path`)),
      );
    }
  });
  const id = spec.identity;
  for (const [ptr, name] of [
    ["/identity/user", id?.user],
    ["/identity/group", id?.group],
    ...(id?.supplementaryGroups ?? []).map((g, i) => [`/identity/supplementaryGroups/${i}`, g] as const),
  ] as const) {
    if (name === undefined) continue;
    const problem = checkAccountName(name);
    if (problem && !/^\d+$/.test(name)) {
      out.push(diag("PSL5001", { path: ptr, detail: `user or group name \`${name}\`: ${problem}` }, at(ptr)));
    }
  }
  return out;
}
