# lib differential case: a value outside an enum
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.level = mkOption { type = types.enum [ "info" "debug" ]; default = "info"; }; }
    { _file = "bad.nix"; level = "verbose"; }
  ];
}).config.level
