# lib differential case: mkOverride priorities: the lowest number wins, defaults lose to plain definitions
{ lib }:
let
  inherit (lib) mkOption types mkDefault mkForce mkOverride mkOptionDefault;
  opt = default: mkOption { type = types.int; inherit default; };
in
(lib.evalModules {
  modules = [
    {
      options = {
        a = opt 1;
        b = opt 1;
        c = opt 1;
        d = opt 1;
        e = mkOption { type = types.int; };
      };
    }
    { a = mkDefault 2; b = 3; c = mkForce 4; d = mkOverride 900 5; e = mkOptionDefault 6; }
    { b = mkDefault 7; c = 8; d = mkDefault 9; e = mkOverride 1600 7; }
  ];
}).config
