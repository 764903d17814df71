# lib differential case: mkDerivedConfig follows an option's priority; options records expose definitions
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    ({ config, options, ... }: {
      options.text = mkOption { type = types.nullOr types.lines; default = null; };
      options.source = mkOption { type = types.str; };
      config.source = lib.mkIf (config.text != null) (lib.mkDerivedConfig options.text (t: "file:" + t));
    })
    { text = lib.mkDefault "hello"; }
    { source = lib.mkOverride 900 "explicit"; }
  ];
}).config
