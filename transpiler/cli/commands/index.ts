/** The command table. A new command is one file in this folder and one line here. */
import type { Command } from "../command.js";
import { exportExprCommand } from "./export-expr.js";
import { generateCommand } from "./generate.js";
import { instantiateCommand } from "./instantiate.js";
import { loadCommand } from "./load.js";
import { reportCommand } from "./report.js";
import { schemaCommand } from "./schema.js";
import { translateCommand } from "./translate.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: readonly Command[] = [
  translateCommand,
  generateCommand,
  reportCommand,
  validateCommand,
  loadCommand,
  schemaCommand,
  exportExprCommand,
  instantiateCommand,
];
