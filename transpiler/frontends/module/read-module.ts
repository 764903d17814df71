/**
 * The NixOS-module frontend. One module (plus the user's settings) is evaluated in isolation by psl's own
 * evaluator through `transpiler/nixos/nix/eval-isolated.nix` — psl's bundled lib and NixOS declarations, or
 * the real nixpkgs `lib` and NixOS files with `--nixpkgs` — and the result, which has the shape of
 * `psl export-expr`, goes through the JSON frontend, so a service reads the same as from `nix eval --json`.
 * Provenance and diagnostics are then moved from the evaluated JSON to the line of Nix that defined each
 * option (`definition-index.ts`); options the module sets that psl does not carry over, failed
 * assertions and warnings become diagnostics at their definitions.
 *
 * One `ModuleFrontend` evaluates many modules with one evaluator, so the lib is parsed and evaluated once.
 */
import { type Diagnostic, diag, LineMap, type SourceRegistry, type Span } from "../../diagnostics/index.js";
import type { Evaluator } from "../../eval/evaluator.js";
import { isString, NixAttrs, peek, stringOf } from "../../eval/value.js";
import { bytesToText, textToBytes } from "../../nix/bytes.js";
import { printLiteralString } from "../../nix/literals.js";
import { parseNix } from "../../nix/parser.js";
import { type IsolationResult, splitIsolationResult } from "../../nixos/isolation-result.js";
import { canonicalizeSpec } from "../../spec/canonical.js";
import type { Provenance, ServiceSpec } from "../../spec/schema.js";
import { type JsonNode, parseJsonTree } from "../json/json-tree.js";
import { readEvaluatedJson } from "../json/read-json.js";
import { DefinitionIndex } from "./definition-index.js";
import { relocationPaths } from "./lowering-origins.js";

export interface ModuleFrontendOptions {
  readonly evaluator: Evaluator;
  /** Absolute path of `transpiler/nixos/nix`. */
  readonly nixDir: string;
  /** A nixpkgs checkout with `lib/` (and optionally `nixos/lib/`): fidelity mode. */
  readonly nixpkgs?: string | undefined;
  /** Reads a file as text (the CLI's file system); undefined when unreadable. */
  readonly readText: (path: string) => string | undefined;
}

export interface ModuleSetting {
  /** Option path, e.g. ["services", "web", "enable"]. */
  readonly path: readonly string[];
  /** A Nix expression for the value. */
  readonly expr: string;
  /** How the user wrote it, for provenance: `--set services.web.enable=true`. */
  readonly label: string;
}

export interface ModuleSettings {
  readonly sets: readonly ModuleSetting[];
  /** Settings modules (`--config file.nix`): absolute path and how the user wrote it. */
  readonly configs: readonly { readonly path: string; readonly display: string }[];
}

export interface ModuleResult {
  readonly specs: ServiceSpec[];
  readonly diagnostics: Diagnostic[];
  /** Options the module sets that psl does not translate (dotted paths). */
  readonly foreign: readonly string[];
  /** The same, with where each is set. */
  readonly aspects: readonly { option: string; file: string; line?: number }[];
  /** Undeclared options the module read, and the spec field that holds the placeholder. */
  readonly assumptions: readonly { option: string; field: string; file: string; line?: number }[];
}

const nixPath = (abs: string) => `(/. + ${printLiteralString(textToBytes(abs))})`;

export class ModuleFrontend {
  constructor(private readonly options: ModuleFrontendOptions) {}

  /** Translates one module; `display` is the path as the user gave it. */
  translate(
    modulePath: string,
    display: string,
    settings: ModuleSettings,
    sources: SourceRegistry,
  ): ModuleResult {
    const diagnostics: Diagnostic[] = [];
    const text = this.options.readText(modulePath);
    if (text === undefined) {
      return {
        specs: [],
        diagnostics: [
          diag("PSL4015", { file: display, reason: "cannot read it" }, { position: { file: display } }),
        ],
        foreign: [],
        aspects: [],
        assumptions: [],
      };
    }
    const index = new DefinitionIndex();
    const indexFile = (file: string, shown: string, source: string) => {
      sources.add(shown, source);
      const parsed = parseNix(source, {
        file: shown,
        basePath: textToBytes(file.slice(0, file.lastIndexOf("/")) || "/"),
      });
      if (parsed.diagnostics.length === 0) index.addModule(parsed.expr);
    };
    indexFile(modulePath, display, text);
    for (const c of settings.configs) {
      const t = this.options.readText(c.path);
      if (t === undefined) {
        diagnostics.push(
          diag("PSL4015", { file: c.display, reason: "cannot read it" }, { position: { file: c.display } }),
        );
        continue;
      }
      indexFile(c.path, c.display, t);
    }
    // A setting from the command line has no place in a file: offset -1.
    for (const s of settings.sets) index.addDefinition(s.path, { file: s.label, start: -1, end: -1 });
    if (diagnostics.length > 0) return { specs: [], diagnostics, foreign: [], aspects: [], assumptions: [] };

    this.options.evaluator.ctx.assumptions.clear();
    const evaluated = this.evaluate(modulePath, settings, sources);
    if (!evaluated.ok)
      return {
        specs: [],
        diagnostics: [...diagnostics, ...evaluated.diagnostics],
        foreign: [],
        aspects: [],
        assumptions: [],
      };
    const result = evaluated.result;

    const bundleName = `${display} (evaluated)`;
    const bundle = JSON.parse(result.bundle) as unknown;
    for (const failure of takeFailures(bundle)) {
      const d = index.lookup(failure.path);
      diagnostics.push(
        diag(
          "PSL3006",
          { option: failure.path.join("."), message: failure.message },
          placeOf(d?.span, sources),
        ),
      );
    }
    const bundleText = `${JSON.stringify(bundle, null, 1)}\n`;
    const r = readEvaluatedJson({ path: bundleName, text: bundleText }, sources);
    const relocate = makeRelocator(index, bundleName, bundleText, sources);
    const specs = r.specs.map((s) => relocateSpec(fillFileTexts(s, result), relocate.provenance));
    diagnostics.push(...r.diagnostics.map(relocate.diagnostic));

    const aspects: { option: string; file: string; line?: number }[] = [];
    const settingFiles = new Set([
      ...settings.configs.map((c) => c.display),
      ...settings.sets.map((s) => s.label),
    ]);
    for (const option of result.foreign) {
      const d = index.lookup(option.split("."));
      // Settings for other modules in the same batch are not this module's business.
      if (d && settingFiles.has(d.span.file) && d.span.file !== display) continue;
      const place = placeOf(d?.span, sources);
      diagnostics.push(diag("PSL3001", { option }, place));
      aspects.push({
        option,
        file: place.position.file,
        ...(place.position.line ? { line: place.position.line } : {}),
      });
    }
    const defaults = assumedDefaults(this.options.evaluator, index, specs);
    const unknown = [...specs.flatMap(unknownReads), ...defaults];
    diagnostics.push(...unknown);
    const assumptions = unknown.map((d) => {
      const m =
        /^`([^`]+)`.*`([^`]+)` holds/.exec(d.message) ??
        /^`([^`]+)`.*, which `([^`]+)` holds/.exec(d.message);
      return {
        option: m?.[1] ?? "",
        field: m?.[2] ?? "",
        file: d.position?.file ?? display,
        ...(d.position?.line ? { line: d.position.line } : {}),
      };
    });
    for (const message of result.assertions)
      diagnostics.push(diag("PSL3002", { message }, { position: { file: display } }));
    for (const message of result.warnings)
      diagnostics.push(diag("PSL3003", { message }, { position: { file: display } }));
    return { specs, diagnostics, foreign: result.foreign, aspects, assumptions };
  }

  private evaluate(
    modulePath: string,
    settings: ModuleSettings,
    sources: SourceRegistry,
  ): { ok: true; result: IsolationResult } | { ok: false; diagnostics: Diagnostic[] } {
    const { evaluator, nixDir, nixpkgs } = this.options;
    const setModules = settings.sets.map(
      (s) => `{ ${s.path.map((p) => printLiteralString(textToBytes(p))).join(".")} = (${s.expr}); }`,
    );
    const configModules = settings.configs.map((c) => nixPath(c.path));
    const args = [
      `module = ${nixPath(modulePath)};`,
      `settings = [ ${[...setModules, ...configModules].join(" ")} ];`,
    ];
    if (nixpkgs) {
      args.push(`lib = import ${nixPath(`${nixpkgs}/lib`)};`);
      if (this.options.readText(`${nixpkgs}/nixos/lib/systemd-lib.nix`) !== undefined) {
        args.push(
          `declarations = import ${nixPath(`${nixDir}/nixos-declarations.nix`)} { nixos = ${nixPath(`${nixpkgs}/nixos`)}; };`,
        );
      }
    }
    const expr = `builtins.toJSON (import ${nixPath(`${nixDir}/eval-isolated.nix`)} { ${args.join(" ")} })`;
    const r = evaluator.evalExpr(expr, { file: "«psl isolation»", basePath: "/" });
    copySources(evaluator, sources);
    if (r.value === undefined || !isString(r.value)) {
      return {
        ok: false,
        diagnostics:
          r.diagnostics.length > 0
            ? [...r.diagnostics]
            : [diag("PSL9001", { detail: "the isolation did not give a string" })],
      };
    }
    try {
      return { ok: true, result: splitIsolationResult(bytesToText(stringOf(r.value))) };
    } catch (e) {
      return {
        ok: false,
        diagnostics: [diag("PSL9001", { detail: e instanceof Error ? e.message : String(e) })],
      };
    }
  }
}

const UNKNOWN = /«unknown:([^»]+)»/g;

/** Defaults psl supplied for options the module read, and the spec fields whose text holds them. */
function assumedDefaults(
  evaluator: Evaluator,
  index: DefinitionIndex,
  specs: readonly ServiceSpec[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [option, slot] of evaluator.ctx.assumptions) {
    const path = option.split(".");
    if (index.lookup(path)?.path.length === path.length) continue;
    const v = peek(slot);
    const outPath = v instanceof NixAttrs ? peek(v.ownAttr("outPath")?.value ?? null) : undefined;
    const text =
      v !== undefined && v !== null && isString(v)
        ? bytesToText(stringOf(v))
        : typeof v === "number" || typeof v === "bigint"
          ? String(v)
          : outPath !== undefined && outPath !== null && isString(outPath)
            ? bytesToText(stringOf(outPath))
            : undefined;
    if (text === undefined || text.length < 2) continue;
    const word = new RegExp(
      `(^|[^A-Za-z0-9_.-])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_-])`,
    );
    for (const spec of specs) {
      for (const [pointer, s] of stringLeaves(spec, "")) {
        if (!word.test(s)) continue;
        const position = fieldPosition(spec, pointer);
        out.push(diag("PSL3008", { option, value: text, field: `${spec.name}${pointer}` }, { position }));
      }
    }
  }
  return out;
}

function stringLeaves(node: unknown, pointer: string, out: [string, string][] = []): [string, string][] {
  if (typeof node === "string") out.push([pointer, node]);
  else if (Array.isArray(node)) {
    node.forEach((v, i) => {
      stringLeaves(v, `${pointer}/${i}`, out);
    });
  } else if (typeof node === "object" && node !== null) {
    for (const [k, v] of Object.entries(node))
      if (k !== "provenance") stringLeaves(v, `${pointer}/${k}`, out);
  }
  return out;
}

/** One diagnostic per field that holds a placeholder for an option nobody declared, at the field's source. */
function unknownReads(spec: ServiceSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [pointer, s] of stringLeaves(spec, "")) {
    for (const m of s.matchAll(UNKNOWN)) {
      const field = `${spec.name}${pointer}`;
      out.push(
        diag("PSL3007", { option: m[1] as string, field }, { position: fieldPosition(spec, pointer) }),
      );
    }
  }
  return out;
}

/** The source of the field at `pointer`: the provenance of it or of its nearest recorded ancestor. */
function fieldPosition(spec: ServiceSpec, pointer: string): { file: string; line?: number; column?: number } {
  let at = pointer;
  while (at !== "" && spec.provenance?.[at] === undefined) at = at.replace(/\/[^/]*$/, "");
  const p = spec.provenance?.[at];
  if (!p) return { file: spec.name };
  return {
    file: p.file,
    ...(p.line === undefined ? {} : { line: p.line }),
    ...(p.column === undefined ? {} : { column: p.column }),
  };
}

/** Removes the `{ __pslError = message; }` markers the export leaves for options that do not evaluate. */
function takeFailures(root: unknown): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  const visit = (node: unknown, path: string[]): void => {
    if (typeof node !== "object" || node === null) return;
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [k, v] of entries) {
      const err =
        typeof v === "object" && v !== null && !Array.isArray(v)
          ? (v as { __pslError?: unknown }).__pslError
          : undefined;
      if (typeof err === "string" && !Array.isArray(node)) {
        out.push({ path: [...path, k], message: err });
        delete (node as Record<string, unknown>)[k];
      } else visit(v, [...path, k]);
    }
  };
  visit(root, []);
  return out;
}

/** Makes the texts of the files the evaluator read available for file:line at the edge. */
function copySources(evaluator: Evaluator, sources: SourceRegistry): void {
  for (const [file, text] of evaluator.ctx.sources.files())
    if (sources.text(file) === undefined) sources.add(file, text);
}

function placeOf(
  span: Span | undefined,
  sources: SourceRegistry,
): { position: { file: string; line?: number; column?: number } } {
  if (!span) return { position: { file: "module" } };
  const pos = span.start >= 0 ? sources.position(span) : undefined;
  return { position: pos ? { file: span.file, line: pos.line, column: pos.column } : { file: span.file } };
}

interface Relocator {
  provenance(p: Provenance): Provenance;
  diagnostic(d: Diagnostic): Diagnostic;
}

/** Moves provenance and diagnostics from the evaluated JSON to the Nix definitions. */
function makeRelocator(
  index: DefinitionIndex,
  bundleName: string,
  bundleText: string,
  sources: SourceRegistry,
): Relocator {
  const toPosition = (
    pointer: string,
  ): { file: string; line?: number; column?: number; via?: string } | undefined => {
    const path = pointer
      .split("/")
      .slice(1)
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    for (const candidate of relocationPaths(path)) {
      const d = index.lookup(candidate.path);
      if (!d || (candidate.exact && d.path.length !== candidate.path.length)) continue;
      const where = placeOf(d.span, sources).position;
      return candidate.via ? { ...where, via: candidate.via } : where;
    }
    return undefined;
  };
  // Pointers by line of the pretty-printed JSON, for diagnostics that carry only a span or a line.
  const byLine = new Map<number, string>();
  const tree = parseJsonTree(bundleName, bundleText);
  const lines = new LineMap(bundleText);
  if (tree.ok) {
    const stack: [JsonNode, string][] = [[tree.node, ""]];
    while (stack.length > 0) {
      const [node, ptr] = stack.pop() as [JsonNode, string];
      const line = lines.position(node.span.start).line;
      if (!byLine.has(line) || (byLine.get(line)?.length ?? 0) < ptr.length) byLine.set(line, ptr);
      if (node.kind === "object")
        for (const e of node.entries)
          stack.push([e.value, `${ptr}/${e.key.replaceAll("~", "~0").replaceAll("/", "~1")}`]);
      if (node.kind === "array") {
        node.items.forEach((item, i) => {
          stack.push([item, `${ptr}/${i}`]);
        });
      }
    }
  }
  return {
    provenance(p) {
      if (p.file !== bundleName) return p;
      const pointer = p.pointer ?? (p.line !== undefined ? byLine.get(p.line) : undefined);
      const moved = pointer === undefined ? undefined : toPosition(pointer);
      if (!moved) return p;
      const out: Provenance = { file: moved.file };
      if (moved.line !== undefined) out.line = moved.line;
      if (moved.column !== undefined) out.column = moved.column;
      const via = p.via ?? moved.via;
      if (via !== undefined) out.via = via;
      return out;
    },
    diagnostic(d) {
      const line =
        d.span?.file === bundleName
          ? lines.position(d.span.start).line
          : d.position?.file === bundleName
            ? d.position.line
            : undefined;
      if (line === undefined) return d;
      const pointer = byLine.get(line);
      const moved = pointer === undefined ? undefined : toPosition(pointer);
      if (!moved) return d;
      const { span: _s, position: _p, ...rest } = d;
      const position: { file: string; line?: number; column?: number } = { file: moved.file };
      if (moved.line !== undefined) position.line = moved.line;
      if (moved.column !== undefined) position.column = moved.column;
      return { ...rest, position };
    },
  };
}

function relocateSpec(spec: ServiceSpec, move: (p: Provenance) => Provenance): ServiceSpec {
  if (!spec.provenance) return spec;
  const provenance: Record<string, Provenance> = {};
  for (const [k, p] of Object.entries(spec.provenance)) provenance[k] = move(p);
  return canonicalizeSpec({ ...spec, provenance });
}

/** Gives configuration files whose source is a generated store file the text the evaluation recovered. */
export function fillFileTexts(spec: ServiceSpec, result: IsolationResult): ServiceSpec {
  if (!spec.configFiles) return spec;
  const configFiles = spec.configFiles.map((f) => {
    const text = f.source !== undefined ? result.files[f.source] : undefined;
    return f.text === undefined && text !== undefined ? { ...f, text } : f;
  });
  return { ...spec, configFiles };
}
