# lib differential case: types.anything does not concatenate lists: different lists conflict
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.v = mkOption { type = types.anything; }; }
    { _file = "a.nix"; v.l = [ 1 ]; }
    { _file = "b.nix"; v.l = [ 2 ]; }
  ];
}).config.v
