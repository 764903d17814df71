# lib differential case: a module with `config` and a stray top-level attribute
{ lib }:
(lib.evalModules {
  modules = [
    { _file = "m.nix"; config = { }; services = { }; }
  ];
}).config
