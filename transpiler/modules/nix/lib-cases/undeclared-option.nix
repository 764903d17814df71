# lib differential case: a definition of an option that does not exist
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.a = mkOption { type = types.int; default = 1; }; }
    { _file = "user.nix"; b.c = 2; }
  ];
}).config
