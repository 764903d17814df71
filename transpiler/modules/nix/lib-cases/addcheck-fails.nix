# lib differential case: a value rejected by a type built with addCheck
{ lib }:
(lib.evalModules {
  modules = [
    { options.even = lib.mkOption { type = lib.types.addCheck lib.types.int (x: lib.mod x 2 == 0); }; }
    { _file = "odd.nix"; even = 3; }
  ];
}).config.even
