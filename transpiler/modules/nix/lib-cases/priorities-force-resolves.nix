# lib differential case: mkForce resolves a conflict; highestPrio and files are reported by `options`
{ lib }:
let
  inherit (lib) mkOption types mkForce;
  r = lib.evalModules {
    modules = [
      { options.port = mkOption { type = types.int; default = 0; }; }
      { _file = "a.nix"; port = 1; }
      { _file = "b.nix"; port = 2; }
      { _file = "c.nix"; port = mkForce 3; }
    ];
  };
in
{
  value = r.config.port;
  inherit (r.options.port) highestPrio files definitions isDefined;
}
