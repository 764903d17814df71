# lib differential case: apply transforms the merged value; default is used when nothing is defined
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    {
      options.startAt = mkOption { type = types.either types.str (types.listOf types.str); default = [ ]; apply = v: if builtins.isList v then v else [ v ]; };
      options.other = mkOption { type = types.either types.str (types.listOf types.str); default = [ ]; apply = v: if builtins.isList v then v else [ v ]; };
      options.name = mkOption { type = types.str; default = "x"; apply = lib.toUpper; };
    }
    { startAt = "daily"; }
  ];
}).config
