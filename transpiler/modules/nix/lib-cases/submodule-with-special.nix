# lib differential case: submoduleWith with specialArgs and shorthandOnlyDefinesConfig = false
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { options.svc = mkOption {
        type = types.submoduleWith {
          specialArgs = { extra = "special"; };
          modules = [ ({ extra, ... }: { options.tag = mkOption { type = types.str; default = extra; }; options.n = mkOption { type = types.int; default = 0; }; }) ];
        };
        default = { };
      }; }
    { svc = { config, ... }: { n = 3; }; }
  ];
}).config
