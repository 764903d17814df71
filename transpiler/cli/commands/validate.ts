/** `psl validate`: load `.ts` specs and check them. */
import * as path from "node:path";
import { type Diagnostic, diag, hasErrors, toJsonDiagnostic } from "../../diagnostics/index.js";
import { loadSpecFile } from "../../emit-ts/load-spec.js";
import { type Command, EXIT } from "../command.js";
import type { CliIO } from "../io.js";
import { countSummary } from "../print-diagnostics.js";

/** Expands directories to the `.ts` files in them (one level, and a `services/` subdirectory). */
export function specFiles(paths: readonly string[], io: CliIO, diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!io.fs.exists(p)) {
      diagnostics.push(
        diag("PSL4015", { file: p, reason: "no such file or directory" }, { position: { file: p } }),
      );
    } else if (io.fs.isDirectory(p)) {
      const dir =
        io.fs.exists(path.join(p, "services")) && io.fs.isDirectory(path.join(p, "services"))
          ? path.join(p, "services")
          : p;
      for (const e of io.fs.readDir(dir))
        if (e.isFile && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
          files.push(path.join(dir, e.name));
    } else files.push(p);
  }
  return files;
}

export function fileHost(io: CliIO) {
  return {
    readFile: (p: string) => {
      try {
        return io.fs.readFile(p);
      } catch {
        return undefined;
      }
    },
  };
}

export const validateCommand: Command = {
  usage: "psl validate <spec.ts|dir…> [--strict] [--json]",
  description: [
    "Loads each spec (a directory means its services/*.ts or *.ts), runs it, and checks the result",
    "against the ServiceSpec schema and psl's rules. Problems are reported with file:line.",
    "",
    "Exit status: 0 valid; 1 warnings under --strict; 2 invalid specs or bad usage.",
  ].join("\n"),
  options: { strict: { kind: "flag", help: "exit 1 when there are warnings" } },
  run(args, { io, sources, printer }) {
    const diagnostics: Diagnostic[] = [];
    if (args.positionals.length === 0) {
      printer.print([diag("PSL7007")]);
      return EXIT.usage;
    }
    const files = specFiles(args.positionals, io, diagnostics);
    const results: { file: string; valid: boolean }[] = [];
    for (const f of files) {
      const r = loadSpecFile(f, fileHost(io));
      diagnostics.push(...r.diagnostics);
      results.push({ file: f, valid: r.spec !== undefined });
    }
    if (args.flags.has("json")) {
      io.stdout(
        `${JSON.stringify({ specs: results, diagnostics: diagnostics.map((d) => toJsonDiagnostic(d, sources)) }, null, 2)}\n`,
      );
    } else {
      printer.print(diagnostics);
      const ok = results.filter((r) => r.valid).length;
      const summary = countSummary(diagnostics);
      io.stderr(
        `${ok} of ${results.length} spec${results.length === 1 ? "" : "s"} valid${summary ? ` (${summary})` : ""}\n`,
      );
    }
    if (hasErrors(diagnostics)) return EXIT.usage;
    if (args.flags.has("strict") && diagnostics.some((d) => d.severity === "warning")) return EXIT.findings;
    return EXIT.ok;
  },
};
