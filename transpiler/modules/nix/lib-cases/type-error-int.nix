# lib differential case: a string where an int is declared
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.port = mkOption { type = types.port; }; }
    { _file = "bad.nix"; port = "80"; }
  ];
}).config.port
