/** What a CLI command is: data for its help, its options, and a `run` that returns an exit code. */
import type { SourceRegistry } from "../diagnostics/index.js";
import type { OptionTable, ParsedArgs } from "./args.js";
import type { CliIO } from "./io.js";
import type { DiagnosticPrinter } from "./print-diagnostics.js";

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface CommandContext {
  readonly io: CliIO;
  readonly sources: SourceRegistry;
  readonly printer: DiagnosticPrinter;
}

/** A command's help and behaviour; its name and summary are in the command table (`commands/index.ts`). */
export interface Command {
  /** e.g. `psl translate <inputs…> --out DIR [options]` */
  readonly usage: string;
  /** Paragraphs for `psl <name> --help`. */
  readonly description: string;
  readonly options: OptionTable;
  readonly examples?: readonly string[];
  /** The command parses its own arguments (they arrive unparsed in `positionals`), e.g. foreign flag syntax. */
  readonly rawArgs?: boolean;
  run(args: ParsedArgs, ctx: CommandContext): Promise<number> | number;
}
