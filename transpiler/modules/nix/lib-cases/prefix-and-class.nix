# lib differential case: evalModules with a prefix (it shows in messages) and a class that modules may state
{ lib }:
let
  r = lib.evalModules {
    prefix = [ "outer" ];
    class = "service";
    modules = [
      { _class = "service"; options.port = lib.mkOption { type = lib.types.port; default = 1; }; }
      { port = 2; }
    ];
  };
in
{
  inherit (r.config) port;
  inherit (r) class;
  loc = r.options.port.loc;
}
