# lib differential case: config = mkIf cfg.enable {…} may read config without infinite recursion
{ lib }:
let
  inherit (lib) mkOption mkEnableOption mkIf types;
in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.services.foo = {
        enable = mkEnableOption "foo";
        port = mkOption { type = types.port; default = 80; };
      };
      options.ports = mkOption { type = types.listOf types.port; default = [ ]; };
      config = mkIf config.services.foo.enable {
        ports = [ config.services.foo.port ];
        services.foo.port = lib.mkDefault 8080;
      };
    })
    { services.foo.enable = true; }
  ];
}).config
