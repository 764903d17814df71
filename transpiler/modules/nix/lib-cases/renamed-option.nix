# lib differential case: mkRenamedOptionModule forwards definitions; mkAliasOptionModule too
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    (lib.mkRenamedOptionModule [ "old" "port" ] [ "new" "port" ])
    (lib.mkAliasOptionModule [ "alias" ] [ "new" "host" ])
    { options.new.port = mkOption { type = types.port; default = 1; }; options.new.host = mkOption { type = types.str; default = "h"; }; }
    { options.warnings = mkOption { type = types.listOf types.str; default = [ ]; }; }
    { old.port = 8080; alias = "example"; }
  ];
}).config
