/** `psl export-expr`: print the Nix function that exports what psl reads from a NixOS configuration. */
import { EXPORT_EXPRESSION } from "../../frontends/json/export-expr.js";
import { type Command, EXIT } from "../command.js";

export const exportExprCommand: Command = {
  usage: "psl export-expr",
  description: [
    "Prints a Nix function of a NixOS `config` that selects what psl reads (services, sockets, timers,",
    "tmpfiles, users without passwords, groups, environment.etc) in a form `nix eval --json` can print:",
    "",
    '  nix eval --json .#nixosConfigurations.HOST.config --apply "$(psl export-expr)" > system.json',
    "  psl translate system.json --out out",
  ].join("\n"),
  options: {},
  run(_args, { io }) {
    io.stdout(EXPORT_EXPRESSION);
    return EXIT.ok;
  },
};
