# lib differential case: a module of another class
{ lib }:
(lib.evalModules {
  class = "nixos";
  modules = [ { _file = "darwin.nix"; _class = "darwin"; } ];
}).config
