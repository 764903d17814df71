# lib differential case: an option defined from itself
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    ({ config, ... }: { options.a = mkOption { type = types.int; }; config.a = config.a + 1; })
  ];
}).config.a
