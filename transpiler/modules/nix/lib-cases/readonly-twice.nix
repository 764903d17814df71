# lib differential case: a read-only option set twice
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.ro = mkOption { type = types.int; readOnly = true; default = 1; }; }
    { _file = "a.nix"; ro = 2; }
  ];
}).config.ro
