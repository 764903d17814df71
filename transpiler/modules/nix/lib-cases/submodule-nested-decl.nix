# lib differential case: options declared under a submodule option from another module
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.server = mkOption { type = types.submodule { options.host = mkOption { type = types.str; default = "localhost"; }; }; default = { }; }; }
    { options.server.port = mkOption { type = types.port; default = 22; }; }
    { server.host = "example.org"; }
  ];
}).config
