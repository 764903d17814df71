# lib differential case: two plain definitions of an int that differ: conflicting definition values
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.port = mkOption { type = types.int; }; }
    { _file = "a.nix"; port = 1; }
    { _file = "b.nix"; port = 2; }
  ];
}).config.port
