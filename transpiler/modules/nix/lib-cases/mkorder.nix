# lib differential case: mkBefore/mkAfter/mkOrder sort list and lines definitions
{ lib }:
let
  inherit (lib) mkOption mkBefore mkAfter mkOrder types;
in
(lib.evalModules {
  modules = [
    {
      options.xs = mkOption { type = types.listOf types.str; };
      options.text = mkOption { type = types.lines; };
    }
    { xs = [ "middle" ]; text = "b"; }
    { xs = mkAfter [ "last" ]; text = mkBefore "a"; }
    { xs = mkBefore [ "first" ]; text = mkOrder 2000 "z"; }
    { xs = mkOrder 1200 [ "later" ]; text = "c"; }
  ];
}).config
