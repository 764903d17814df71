# lib differential case: a list element of the wrong type
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.ports = mkOption { type = types.listOf types.port; default = [ ]; }; }
    { _file = "bad.nix"; ports = [ 80 "443" ]; }
  ];
}).config.ports
