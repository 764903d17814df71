/**
 * The `psl` command line. `runCli` is pure over its `CliIO` (tests call it in-process); `main` wires the
 * real process. Unexpected exceptions are bugs: they are reported as an internal-error diagnostic with
 * exit status 2, never as a stack trace alone.
 */
import { diag, SourceRegistry } from "../diagnostics/index.js";
import { formatOptions, parseArgs } from "./args.js";
import { type Command, EXIT } from "./command.js";
import { COMMANDS, type CommandEntry } from "./commands/index.js";
import { type CliIO, nodeIO } from "./io.js";
import { createPrinter, type DiagnosticPrinter } from "./print-diagnostics.js";
import { tuneV8 } from "./v8-tuning.js";

const VERSION = "0.1.0";

export function commandHelp(entry: CommandEntry, c: Command): string {
  const parts = [
    `Usage: ${c.usage}`,
    "",
    entry.summary,
    "",
    c.description,
    "",
    "Options:",
    formatOptions(c.options),
  ];
  if (c.examples?.length) parts.push("", "Examples:", ...c.examples.map((e) => `  ${e}`));
  return `${parts.join("\n")}\n`;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    "psl — the Portable Service Layer: NixOS services for any init system",
    "",
    "Usage: psl <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Run `psl <command> --help` for a command's options. Colour follows NO_COLOR and the terminal.",
    "",
  ].join("\n");
}

/** A bug: reported as an internal-error diagnostic (message and stack), exit status 2. */
function internalError(printer: DiagnosticPrinter, e: unknown): number {
  const detail = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
  printer.print([diag("PSL9001", { detail })]);
  return EXIT.usage;
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const sources = new SourceRegistry();
  const printer = createPrinter(io, sources);
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? commandHelp(topic, await topic.load()) : mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`psl ${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    printer.print([
      diag("PSL7001", { command: name }, { notes: [`commands: ${COMMANDS.map((c) => c.name).join(", ")}`] }),
    ]);
    return EXIT.usage;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (e) {
    return internalError(printer, e);
  }
  const { args, diagnostics } = command.rawArgs
    ? {
        args: {
          flags: new Set(rest[0] === "--help" ? ["help"] : []),
          strings: new Map(),
          lists: new Map(),
          positionals: rest,
        },
        diagnostics: [],
      }
    : parseArgs(rest, command.options);
  if (args.flags.has("help")) {
    io.stdout(commandHelp(entry, command));
    return EXIT.ok;
  }
  if (diagnostics.length > 0) {
    printer.print(diagnostics);
    io.stderr(`Run \`psl ${entry.name} --help\` for usage.\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, { io, sources, printer });
  } catch (e) {
    return internalError(printer, e);
  }
}

export async function main(): Promise<void> {
  tuneV8();
  process.exitCode = await runCli(process.argv.slice(2), nodeIO());
}
