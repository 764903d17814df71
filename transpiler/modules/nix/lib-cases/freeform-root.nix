# lib differential case: freeformType at the root: undeclared definitions are merged by it
{ lib }:
let
  inherit (lib) mkOption types;
in
(lib.evalModules {
  modules = [
    { freeformType = types.lazyAttrsOf types.anything; options.declared = mkOption { type = types.int; default = 1; }; }
    { networking.firewall.allowedTCPPorts = [ 80 ]; boot.kernel.sysctl."net.core.somaxconn" = 1024; declared = 2; }
    { networking.firewall.enable = true; networking.hostName = lib.mkDefault "x"; }
  ];
}).config
