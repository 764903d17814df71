/** `psl load`: print the spec a `.ts` file defines, as canonical JSON. */
import { type Diagnostic, diag, hasErrors } from "../../diagnostics/index.js";
import { loadSpecFile } from "../../emit-ts/load-spec.js";
import type { ServiceSpec } from "../../spec/schema.js";
import { type Command, EXIT } from "../command.js";
import { fileHost, specFiles } from "./validate.js";

export const loadCommand: Command = {
  usage: "psl load <spec.ts|dir…>",
  description: [
    "Loads specs the way `psl validate` does and prints them as canonical JSON on stdout: one object",
    "for one file, an array for several. Exit status 2 when a spec does not load or is invalid.",
  ].join("\n"),
  options: {},
  run(args, { io, printer }) {
    const diagnostics: Diagnostic[] = [];
    if (args.positionals.length === 0) {
      printer.print([diag("PSL7007")]);
      return EXIT.usage;
    }
    const specs: ServiceSpec[] = [];
    for (const f of specFiles(args.positionals, io, diagnostics)) {
      const r = loadSpecFile(f, fileHost(io));
      diagnostics.push(...r.diagnostics);
      if (r.spec) specs.push(r.spec);
    }
    printer.print(diagnostics);
    if (hasErrors(diagnostics)) return EXIT.usage;
    io.stdout(`${JSON.stringify(specs.length === 1 ? specs[0] : specs, null, 2)}\n`);
    return EXIT.ok;
  },
};
