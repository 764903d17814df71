/**
 * The command table: each command's name and one-line summary (what `psl --help` lists), and how to load
 * it. Only the command that runs is loaded, so `psl instantiate` does not load the TypeScript emitter or
 * the spec validator, and `psl --help` loads none. A new command is one file in this folder and one
 * entry here.
 */
import type { Command } from "../command.js";

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "translate",
    summary: "read unit files or evaluated NixOS JSON and write editable .ts service specs",
    load: async () => (await import("./translate.js")).translateCommand,
  },
  {
    name: "generate",
    summary: "render specs into each target's native files, with install and uninstall scripts",
    load: async () => (await import("./generate.js")).generateCommand,
  },
  {
    name: "report",
    summary: "say, per service, directive and target, what carries over, what is emulated and what is lost",
    load: async () => (await import("./report.js")).reportCommand,
  },
  {
    name: "validate",
    summary: "check edited .ts service specs",
    load: async () => (await import("./validate.js")).validateCommand,
  },
  {
    name: "load",
    summary: "print the spec a .ts file defines, as JSON",
    load: async () => (await import("./load.js")).loadCommand,
  },
  {
    name: "schema",
    summary: "print the JSON Schema of a ServiceSpec",
    load: async () => (await import("./schema.js")).schemaCommand,
  },
  {
    name: "export-expr",
    summary: "print the Nix expression that exports services for `psl translate`",
    load: async () => (await import("./export-expr.js")).exportExprCommand,
  },
  {
    name: "instantiate",
    summary:
      "evaluate Nix like nix-instantiate (--eval, --strict, --json, --xml, --parse, -E, -I, --arg, -A)",
    load: async () => (await import("./instantiate.js")).instantiateCommand,
  },
];
