# lib differential case: a module that asks for an argument nobody gives
{ lib }:
(lib.evalModules {
  modules = [
    ({ pkgs, ... }: { options.x = lib.mkOption { default = pkgs.hello; }; })
  ];
}).config.x
