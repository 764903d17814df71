# lib differential case: specialArgs and _module.args reach function modules lazily
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  specialArgs = { site = "example.org"; };
  modules = [
    ({ site, pkgs, ... }: {
      options.url = mkOption { type = types.str; default = "https://${site}/${pkgs.name}"; };
    })
    { _module.args.pkgs = { name = "hello"; }; }
    ({ config, options, ... }: {
      options.defined = mkOption { type = types.bool; default = options.url.isDefined; };
    })
  ];
}).config
