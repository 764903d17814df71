# lib differential case: deferredModule collects module definitions for a later evaluation
{ lib }:
let
  inherit (lib) mkOption types;
  outer = (lib.evalModules {
    modules = [
      { options.common = mkOption { type = types.deferredModule; default = { }; }; }
      { common = { options.x = mkOption { type = types.int; default = 1; }; }; }
      { common = { x = 5; }; }
    ];
  }).config;
in
(lib.evalModules { modules = [ outer.common ]; }).config
