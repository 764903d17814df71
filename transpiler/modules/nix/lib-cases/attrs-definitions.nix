# lib differential case: what `options` tells about definitions (files, definitionsWithLocations, highestPrio)
{ lib }:
let
  inherit (lib) mkOption types;
  r = lib.evalModules {
    modules = [
      { options.env = mkOption { type = types.attrsOf types.str; default = { }; }; }
      { _file = "a.nix"; env.A = "1"; }
      { _file = "b.nix"; env = lib.mkMerge [ { B = "2"; } (lib.mkIf false { C = "3"; }) ]; }
      { _file = "c.nix"; env.D = lib.mkDefault "4"; }
    ];
  };
  o = r.options.env;
in
{
  inherit (r.config) env;
  inherit (o) files highestPrio isDefined;
  defs = map (d: { inherit (d) file; names = builtins.attrNames d.value; }) o.definitionsWithLocations;
}
