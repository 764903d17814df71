# lib differential case: mkOptionType with a custom merge (as NixOS's unitOption), addCheck, and typeMerge
{ lib }:
let
  inherit (lib) mkOption types;
  unitOption = lib.mkOptionType {
    name = "systemd option";
    merge =
      loc: defs:
      if builtins.any (def: builtins.isList def.value) defs then
        builtins.concatMap (def: lib.toList def.value) defs
      else
        lib.mergeEqualOption loc defs;
  };
in
(lib.evalModules {
  modules = [
    { options.cfg = mkOption { type = types.attrsOf unitOption; default = { }; }; }
    { options.even = mkOption { type = types.addCheck types.int (x: lib.mod x 2 == 0); default = 0; }; }
    { options.level = mkOption { type = types.enum [ "a" ]; }; }
    { options.level = mkOption { type = types.enum [ "b" ]; default = "a"; }; }
    { cfg = { ExecStart = [ "" "/bin/a" ]; User = "x"; Environment = "A=1"; }; even = 4; }
    { cfg = { ExecStart = "/bin/b"; User = "x"; Environment = [ "B=2" ]; }; level = "b"; }
  ];
}).config
