# psl's NixOS declarations: environment.etc, with NixOS's types and defaults; a `text` becomes the `source`
# file (pkgs.writeText "etc-<name with / as ->", at the text's own priority).
{ lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
in
{
  options.environment.etc = mkOption {
    default = { };
    type = types.attrsOf (
      types.submodule (
        {
          name,
          config,
          options,
          ...
        }:
        {
          options = {
            enable = mkOption {
              type = types.bool;
              default = true;
            };
            target = mkOption { type = types.str; };
            text = mkOption {
              default = null;
              type = types.nullOr types.lines;
            };
            source = mkOption { type = types.path; };
            mode = mkOption {
              type = types.str;
              default = "symlink";
            };
            uid = mkOption {
              default = 0;
              type = types.int;
            };
            gid = mkOption {
              default = 0;
              type = types.int;
            };
            user = mkOption {
              default = "+${toString config.uid}";
              type = types.str;
            };
            group = mkOption {
              default = "+${toString config.gid}";
              type = types.str;
            };
          };
          config = {
            target = lib.mkDefault name;
            source = lib.mkIf (config.text != null) (
              lib.mkDerivedConfig options.text (pkgs.writeText "etc-${builtins.replaceStrings [ "/" ] [ "-" ] name}")
            );
          };
        }
      )
    );
  };
}
