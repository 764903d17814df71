# lib differential case: mkIf with a condition that is not a boolean
{ lib }:
let
  inherit (lib) mkOption mkIf types;
in
(lib.evalModules {
  modules = [
    { options.x = mkOption { type = types.int; default = 1; }; }
    { x = mkIf "yes" 2; }
  ];
}).config.x
