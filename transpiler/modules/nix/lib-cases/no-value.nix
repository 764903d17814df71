# lib differential case: an option without default that nothing defines, when read
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.required = mkOption { type = types.str; }; }
  ];
}).config.required
