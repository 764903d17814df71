# lib differential case: listOf submodule and nullOr submodule
{ lib }:
let
  inherit (lib) mkOption types;
  sub = types.submodule { options.n = mkOption { type = types.int; default = 0; }; options.m = mkOption { type = types.int; default = 5; }; };
in
(lib.evalModules {
  modules = [
    { options.items = mkOption { type = types.listOf sub; }; options.maybe = mkOption { type = types.nullOr sub; default = null; }; options.some = mkOption { type = types.nullOr sub; default = null; }; }
    { items = [ { n = 1; } { n = 2; m = 3; } ]; some.n = 7; }
    { items = [ { } ]; }
  ];
}).config
