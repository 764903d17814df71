# lib differential case: a submodule with a freeform type takes undeclared names
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.settings = mkOption {
        type = types.submodule { freeformType = types.attrsOf (types.either types.str types.int); options.port = mkOption { type = types.port; default = 80; }; };
        default = { };
      }; }
    { settings = { log = "info"; workers = 4; }; }
    { settings.port = 8080; }
  ];
}).config
