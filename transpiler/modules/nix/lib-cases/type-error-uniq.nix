# lib differential case: uniq rejects two definitions
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.x = mkOption { type = types.uniq types.str; }; }
    { _file = "a.nix"; x = "s"; }
    { _file = "b.nix"; x = "s"; }
  ];
}).config.x
