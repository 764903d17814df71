# lib differential case: imports are followed once; disabledModules removes a module by key
{ lib }:
let
  inherit (lib) mkOption types;
  shared = { key = "shared"; options.xs = mkOption { type = types.listOf types.str; default = [ ]; }; config.xs = [ "shared" ]; };
  unwanted = { key = "unwanted"; config.xs = [ "unwanted" ]; };
in
(lib.evalModules {
  modules = [
    { imports = [ shared unwanted ]; xs = [ "a" ]; }
    { imports = [ shared ]; xs = [ "b" ]; }
    { disabledModules = [ { key = "unwanted"; } ]; }
  ];
}).config
