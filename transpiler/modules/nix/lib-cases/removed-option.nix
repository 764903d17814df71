# lib differential case: mkRemovedOptionModule turns a definition into a failed assertion
{ lib }:
let
  inherit (lib) mkOption types;
  r = (lib.evalModules {
    modules = [
      (lib.mkRemovedOptionModule [ "gone" ] "Use `other' instead.")
      { options.assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; }; }
      { _file = "user.nix"; gone = 1; }
    ];
  }).config;
in
map (a: { inherit (a) assertion message; }) r.assertions
