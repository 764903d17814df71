# lib differential case: _module.check = false ignores undeclared definitions
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.a = mkOption { type = types.int; default = 1; }; }
    { b.c = 2; _module.check = false; }
  ];
}).config
