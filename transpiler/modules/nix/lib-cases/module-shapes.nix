# lib differential case: shorthand modules, structured modules and meta/_file keys
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.meta = mkOption { type = types.lazyAttrsOf types.raw; default = { }; }; options.a = mkOption { type = types.listOf types.int; default = [ ]; }; }
    { a = [ 1 ]; meta.x = "shorthand"; }
    { _file = "structured.nix"; config.a = [ 2 ]; meta.y = "structured"; }
    (lib.mkIf true { a = [ 3 ]; })
    ({ ... }: { config = lib.mkMerge [ { a = [ 4 ]; } (lib.mkIf false { a = [ 5 ]; }) ]; })
  ];
}).config
