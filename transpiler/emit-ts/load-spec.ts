/**
 * Loading an editable `.ts` spec: the file is transpiled (TypeScript's own `transpileModule`, no type
 * check), run in a fresh V8 context whose `require` offers only psl's spec API and the spec's own relative
 * modules, and its default export is validated. Problems come back as diagnostics located in the `.ts` file.
 * File access goes through the `readFile` the caller passes (only the CLI touches the file system).
 */
import { dirname, join, normalize } from "node:path/posix";
import { createContext, Script } from "node:vm";
import { type Diagnostic, diag, LineMap } from "../diagnostics/index.js";
import { defineService } from "../spec/define-service.js";
import type { ServiceSpec } from "../spec/schema.js";
import { validateSpec } from "../spec/validate.js";
import { locatePointer } from "./locate.js";
import { typescript } from "./typescript.js";

export interface LoadHost {
  /** Returns the file's text, or undefined when it does not exist. */
  readFile(path: string): string | undefined;
}

export interface LoadResult {
  readonly spec: ServiceSpec | undefined;
  readonly diagnostics: Diagnostic[];
}

/** What `import … from "psl"` gives a spec file. */
const SPEC_API: Readonly<Record<string, unknown>> = Object.freeze({ defineService });

class LoadError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Loads and validates the spec in `path`. */
export function loadSpecFile(path: string, host: LoadHost): LoadResult {
  const text = host.readFile(path);
  if (text === undefined)
    return { spec: undefined, diagnostics: [diag("PSL4015", { file: path, reason: "no such file" })] };
  let exported: unknown;
  try {
    exported = runModule(path, text, host, new Map(), []);
  } catch (e) {
    if (e instanceof LoadError) return { spec: undefined, diagnostics: [e.diagnostic] };
    const message = e instanceof Error ? e.message : String(e);
    return {
      spec: undefined,
      diagnostics: [diag("PSL5005", { file: path, detail: message }, { position: { file: path } })],
    };
  }
  const value = (exported as { default?: unknown } | undefined)?.default;
  if (value === undefined)
    return { spec: undefined, diagnostics: [diag("PSL5006", { file: path }, { position: { file: path } })] };
  const v = validateSpec(value, { file: path });
  const lines = new LineMap(text);
  const diagnostics = v.diagnostics.map((d) => {
    if (!d.pointer || d.pointer.file !== path) return d;
    const offset = locatePointer(text, d.pointer.pointer);
    if (offset === undefined) return d;
    const { pointer: _p, ...rest } = d;
    const pos = lines.position(offset);
    return { ...rest, position: { file: path, line: pos.line, column: pos.column } };
  });
  diagnostics.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0));
  return { spec: v.spec, diagnostics };
}

function runModule(
  path: string,
  text: string,
  host: LoadHost,
  cache: Map<string, unknown>,
  stack: string[],
): unknown {
  const cached = cache.get(path);
  if (cached) return cached;
  if (stack.includes(path))
    throw new LoadError(
      diag("PSL5005", { file: path, detail: `circular import: ${[...stack, path].join(" → ")}` }),
    );
  const ts = typescript();
  const out = ts.transpileModule(text, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const syntax = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntax) {
    const pos = new LineMap(text).position(syntax.start ?? 0);
    const detail = ts.flattenDiagnosticMessageText(syntax.messageText, " ");
    throw new LoadError(
      diag(
        "PSL5005",
        { file: path, detail },
        { position: { file: path, line: pos.line, column: pos.column } },
      ),
    );
  }
  const module = { exports: {} as Record<string, unknown> };
  cache.set(path, module.exports);
  const require = (spec: string): unknown => {
    if (spec === "psl") return SPEC_API;
    if (spec.startsWith("./") || spec.startsWith("../")) {
      const base = normalize(join(dirname(path), spec));
      const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, `${base}/index.ts`];
      for (const c of candidates) {
        const t = host.readFile(c);
        if (t !== undefined) return runModule(c, t, host, cache, [...stack, path]);
      }
      throw new LoadError(
        diag(
          "PSL5005",
          { file: path, detail: `cannot find module \`${spec}\`` },
          { position: { file: path } },
        ),
      );
    }
    throw new LoadError(
      diag(
        "PSL5005",
        {
          file: path,
          detail: `\`${spec}\` cannot be imported by a spec; only "psl" and relative modules can`,
        },
        { position: { file: path } },
      ),
    );
  };
  const context = createContext({ exports: module.exports, require, module });
  new Script(out.outputText, { filename: path }).runInContext(context, { timeout: 2000 });
  cache.set(path, module.exports);
  return module.exports;
}
