# lib differential case: mkIf false drops a definition, even one of the wrong type; mkMerge splices
{ lib }:
let
  inherit (lib) mkOption mkIf mkMerge types;
in
(lib.evalModules {
  modules = [
    { options.xs = mkOption { type = types.listOf types.int; }; }
    { xs = mkMerge [ [ 1 ] (mkIf false "not a list") (mkMerge [ [ 2 ] (mkIf true [ 3 ]) ]) ]; }
  ];
}).config
