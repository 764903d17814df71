/**
 * The Nix function psl asks users to apply to their evaluated configuration:
 *
 *   nix eval --json .#nixosConfigurations.HOST.config --apply "$(psl export-expr)" > system.json
 *
 * It selects what psl reads and makes it printable: each option is converted on its own inside `tryEval`,
 * so an option without a value (`startLimitBurst` is declared without a default, which makes a plain
 * `nix eval --json …config.systemd.services` fail) or a function is left out instead of failing the whole
 * export. User entries keep only non-secret fields: password hashes never leave the machine.
 */
export const EXPORT_EXPRESSION = `# psl export: the parts of an evaluated NixOS configuration that psl translates.
config:
let
  inherit (builtins) attrNames concatMap filter fromJSON listToAttrs mapAttrs toJSON tryEval;
  printable = v: let r = tryEval (fromJSON (toJSON v)); in if r.success then [ r.value ] else [ ];
  keep = names: set:
    listToAttrs (concatMap (n: if set ? \${n} then map (v: { name = n; value = v; }) (printable set.\${n}) else [ ]) names);
  allBut = skip: set: keep (filter (n: !(builtins.elem n skip)) (attrNames set)) set;
  units = mapAttrs (_: allBut [ "unit" "jobScripts" "text" ]);
in
{
  systemd = {
    services = units config.systemd.services;
    sockets = units config.systemd.sockets;
    timers = units config.systemd.timers;
    tmpfiles = keep [ "rules" "settings" ] config.systemd.tmpfiles;
  };
  users = {
    users = mapAttrs (_: keep [ "name" "uid" "group" "extraGroups" "home" "createHome" "isSystemUser" "isNormalUser" "shell" "description" ]) config.users.users;
    groups = mapAttrs (_: keep [ "name" "gid" "members" ]) config.users.groups;
  };
  environment.etc = mapAttrs (_: keep [ "enable" "target" "text" "source" "mode" "user" "group" ]) config.environment.etc;
}
`;
