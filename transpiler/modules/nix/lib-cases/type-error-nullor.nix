# lib differential case: nullOr defined both null and non-null
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.x = mkOption { type = types.nullOr types.str; }; }
    { _file = "a.nix"; x = null; }
    { _file = "b.nix"; x = "s"; }
  ];
}).config.x
