# lib differential case: attrsOf submodule: one evaluation per name, `name` given, definitions merged across modules
{ lib }:
let
  inherit (lib) mkOption types;
  instance = { name, config, ... }: {
    options = {
      user = mkOption { type = types.str; default = name; };
      port = mkOption { type = types.port; };
      args = mkOption { type = types.listOf types.str; default = [ ]; };
      url = mkOption { type = types.str; readOnly = true; default = "http://${name}:${toString config.port}"; };
    };
  };
in
(lib.evalModules {
  modules = [
    { options.instances = mkOption { type = types.attrsOf (types.submodule instance); default = { }; }; }
    { instances.web = { port = 80; args = [ "-v" ]; }; }
    { instances.web.args = [ "-q" ]; instances.api = { port = 81; user = "svc"; }; }
  ];
}).config
