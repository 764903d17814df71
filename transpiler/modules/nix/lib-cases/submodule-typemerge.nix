# lib differential case: an attrsOf submodule option declared in two modules: the submodules merge
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.units = mkOption { type = types.attrsOf (types.submodule { options.a = mkOption { type = types.int; default = 1; }; }); }; }
    { options.units = mkOption { type = types.attrsOf (types.submodule ({ name, ... }: { options.b = mkOption { type = types.str; default = "b-${name}"; }; })); }; }
    { units.x.a = 2; units.y = { }; }
  ];
}).config
