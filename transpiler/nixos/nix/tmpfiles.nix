# psl's NixOS declarations: systemd.tmpfiles.rules and systemd.tmpfiles.settings, with NixOS's types and
# defaults (settings: <config name>.<path>.<type> = { mode; user; group; age; argument; }).
{ lib, ... }:
let
  inherit (lib) mkOption types;
  entry =
    { name, ... }:
    {
      options = {
        type = mkOption {
          type = types.str;
          default = name;
        };
        mode = mkOption {
          type = types.str;
          default = "-";
        };
        user = mkOption {
          type = types.str;
          default = "-";
        };
        group = mkOption {
          type = types.str;
          default = "-";
        };
        age = mkOption {
          type = types.str;
          default = "-";
        };
        argument = mkOption {
          type = types.str;
          default = "";
        };
      };
    };
in
{
  options.systemd.tmpfiles = {
    rules = mkOption {
      type = types.listOf types.str;
      default = [ ];
    };
    settings = mkOption {
      type = types.attrsOf (types.attrsOf (types.attrsOf (types.submodule entry)));
      default = { };
    };
    packages = mkOption {
      type = types.listOf types.package;
      default = [ ];
    };
  };
}
