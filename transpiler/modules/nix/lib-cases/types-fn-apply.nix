# lib differential case: functionTo merges function results; apply runs last
{ lib }:
let
  inherit (lib) mkOption types;
  r = (lib.evalModules {
    modules = [
      { options.f = mkOption { type = types.functionTo (types.listOf types.str); }; options.n = mkOption { type = types.int; apply = x: x * 10; default = 1; }; }
      { f = x: [ x ]; }
      { f = x: [ "${x}!" ]; n = 4; }
    ];
  }).config;
in
{ f = r.f "hi"; inherit (r) n; }
