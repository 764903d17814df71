# lib differential case: ints.between and strMatching reject out-of-range values
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.n = mkOption { type = types.ints.between 1 10; }; }
    { _file = "bad.nix"; n = 11; }
  ];
}).config.n
