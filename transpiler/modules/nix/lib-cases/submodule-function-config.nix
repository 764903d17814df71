# lib differential case: a submodule whose config refers to its own options and the outer config
{ lib }:
let
  inherit (lib) mkOption types mkIf;
in
(lib.evalModules {
  modules = [
    ({ config, ... }: {
      options.prefix = mkOption { type = types.str; default = "/srv"; };
      options.sites = mkOption {
        type = types.attrsOf (types.submodule ({ name, config, ... }: {
          options.root = mkOption { type = types.str; };
          options.enable = mkOption { type = types.bool; default = true; };
          options.extra = mkOption { type = types.attrsOf types.str; default = { }; };
          config.extra = mkIf config.enable { root = config.root; };
        }));
      };
      config.sites = lib.mapAttrs (n: _: { root = lib.mkDefault "${config.prefix}/${n}"; }) { a = 1; b = 2; };
    })
    { sites.b.root = "/custom"; sites.c = { root = "/c"; enable = false; }; prefix = "/var"; }
  ];
}).config
